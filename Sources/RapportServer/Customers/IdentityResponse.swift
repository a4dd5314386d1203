import Foundation
import RapportCore

struct IdentityResponse: JSONWritable {
    var identity: Identity

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("created_at"); writer.timestamp(identity.createdAt)
        writer.key("id"); writer.string(identity.id)
        writer.key("kind"); writer.string(identity.kind.rawValue)
        writer.key("provenance"); writer.string(identity.provenance.rawValue)
        writer.key("source"); writer.string(identity.source)
        writer.key("value"); writer.string(identity.value)
        writer.endObject()
    }
}
