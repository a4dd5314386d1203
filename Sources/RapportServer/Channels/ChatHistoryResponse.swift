import RapportCore

/// A visitor's thread, as their chat window shows it.
struct ChatHistoryResponse: JSONWritable {
    var messages: [Message]

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("data")
        writer.beginArray()
        for message in messages { writer.raw(MessageDocument.customerJSON(message)) }
        writer.endArray()
        writer.endObject()
    }
}
