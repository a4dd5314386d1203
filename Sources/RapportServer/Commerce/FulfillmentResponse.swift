import RapportCore

struct FulfillmentResponse: JSONWritable {
    var fulfillment: Fulfillment

    func write(to writer: inout JSONWriter) { OrderDocument.write(fulfillment, to: &writer) }
}
