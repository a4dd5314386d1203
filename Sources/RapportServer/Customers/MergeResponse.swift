import Foundation
import RapportCore

struct MergeResponse: JSONWritable {
    var record: MergeRecord

    init(_ record: MergeRecord) {
        self.record = record
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("actor"); writer.string(record.actor)
        writer.key("created_at"); writer.timestamp(record.createdAt)
        writer.key("id"); writer.string(record.id)
        writer.key("merged_id"); writer.string(record.mergedID)
        writer.key("object"); writer.string("merge")
        writer.key("reason"); writer.string(record.reason)
        writer.key("survivor_id"); writer.string(record.survivorID)
        writer.key("undone_at"); writer.timestamp(record.undoneAt)
        writer.endObject()
    }
}
