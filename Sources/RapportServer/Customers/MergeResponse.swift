import Foundation
import RapportCore

struct MergeResponse: Encodable {
    let object = "merge"
    var id: String
    var survivorId: String
    var mergedId: String
    var actor: String
    var reason: String
    var createdAt: Date
    @NullEncoded var undoneAt: Date?

    init(_ record: MergeRecord) {
        id = record.id
        survivorId = record.survivorID
        mergedId = record.mergedID
        actor = record.actor
        reason = record.reason
        createdAt = record.createdAt
        undoneAt = record.undoneAt
    }
}
