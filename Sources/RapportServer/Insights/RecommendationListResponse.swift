import RapportCore

/// A list of recommended products: `{"object": "list", "data": [{product_id, score, reason}]}`,
/// for a customer; for a product, two such lists by kind.
struct RecommendationListResponse: Encodable {
    struct Item: Encodable {
        let productID: String
        let reason: RecommendationReason
        let score: Double
    }

    let lists: [(key: String, items: [ProductRecommendation])]

    private struct ListKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ListKey.self)
        for list in lists {
            try container.encode(
                list.items.map { Item(productID: $0.productID, reason: $0.reason, score: $0.score) }, forKey: ListKey(stringValue: list.key))
        }
        try container.encode("recommendations", forKey: ListKey(stringValue: "object"))
    }
}
