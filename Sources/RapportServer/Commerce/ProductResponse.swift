import RapportCore

struct ProductResponse: JSONWritable {
    var product: Product

    func write(to writer: inout JSONWriter) { OrderDocument.write(product, to: &writer) }
}
