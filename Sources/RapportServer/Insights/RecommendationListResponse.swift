import RapportCore

/// A list of recommended products: `{"object": "list", "data": [{product_id, score, reason}]}`,
/// for a customer; for a product, two such lists by kind.
struct RecommendationListResponse: JSONWritable {
    var lists: [(key: String, items: [ProductRecommendation])]

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        for list in lists {
            writer.key(list.key)
            writer.beginArray()
            for item in list.items {
                writer.beginObject()
                writer.key("product_id"); writer.string(item.productID)
                writer.key("reason"); writer.string(item.reason.rawValue)
                writer.key("score"); writer.number(item.score)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.key("object"); writer.string("recommendations")
        writer.endObject()
    }
}
