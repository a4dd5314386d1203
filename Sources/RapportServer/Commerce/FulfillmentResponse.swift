import RapportCore

/// A shipment as the API shows it: `OrderDocument`'s JSON, which the `order.fulfillment_created` event carries too.
struct FulfillmentResponse: Encodable {
    let fulfillment: Fulfillment

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        var writer = JSONWriter()
        OrderDocument.write(fulfillment, to: &writer)
        try container.encode(DocumentJSON(writer.text))
    }
}
