import RapportCore

struct ChatSessionResponse: JSONWritable {
    var contact: String
    var token: String

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("contact"); writer.string(contact)
        writer.key("token"); writer.string(token)
        writer.endObject()
    }
}
