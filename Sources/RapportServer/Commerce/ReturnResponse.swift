import RapportCore

struct ReturnResponse: JSONWritable {
    var orderReturn: OrderReturn

    func write(to writer: inout JSONWriter) { OrderDocument.write(orderReturn, to: &writer) }
}
