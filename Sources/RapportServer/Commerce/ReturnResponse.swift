import RapportCore

/// A return as the API shows it: `OrderDocument`'s JSON, which the return events carry too.
struct ReturnResponse: Encodable {
    let orderReturn: OrderReturn

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DocumentJSON(OrderDocument.json(orderReturn)))
    }
}
