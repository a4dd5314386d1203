import RapportCore

/// An order as the API shows it: `OrderDocument`'s JSON, which the order events carry too.
struct OrderResponse: Encodable {
    let order: Order

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DocumentJSON(OrderDocument.json(order)))
    }
}
