import RapportCore

/// A product as the API shows it: `OrderDocument`'s JSON, which the product events carry too.
struct ProductResponse: Encodable {
    let product: Product

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DocumentJSON(OrderDocument.json(product)))
    }
}
