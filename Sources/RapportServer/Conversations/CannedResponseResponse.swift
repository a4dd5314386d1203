import RapportCore

struct CannedResponseResponse: JSONWritable {
    var response: CannedResponse

    init(_ response: CannedResponse) {
        self.response = response
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("content"); writer.string(response.content)
        writer.key("created_at"); writer.timestamp(response.createdAt)
        writer.key("id"); writer.string(response.id)
        writer.key("object"); writer.string("canned_response")
        writer.key("short_code"); writer.string(response.shortCode)
        writer.endObject()
    }
}
