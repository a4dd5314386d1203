import RapportCore

/// A response body written straight into JSON text: the customer views and lists, answered on
/// every request, where Foundation's `JSONEncoder` was the largest cost of the server.
protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}
