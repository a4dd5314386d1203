import RapportCore

struct OrderResponse: JSONWritable {
    var order: Order

    func write(to writer: inout JSONWriter) { OrderDocument.write(order, to: &writer) }
}
