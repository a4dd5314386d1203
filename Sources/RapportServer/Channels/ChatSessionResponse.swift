import Foundation
import RapportCore

struct ChatSessionResponse: JSONWritable {
    var contact: String
    var token: String
    var expiresAt: Date

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("contact"); writer.string(contact)
        writer.key("token"); writer.string(token)
        writer.key("expires_at"); writer.timestamp(expiresAt)
        writer.endObject()
    }
}
