import Foundation
import RapportCore

struct MergeResponse: Encodable {
    var record: MergeRecord

    enum CodingKeys: String, CodingKey { case object, id, survivorId, mergedId, actor, reason, createdAt, undoneAt }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("merge", forKey: .object)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.survivorID, forKey: .survivorId)
        try container.encode(record.mergedID, forKey: .mergedId)
        try container.encode(record.actor, forKey: .actor)
        try container.encode(record.reason, forKey: .reason)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.undoneAt, forKey: .undoneAt)
    }
}
