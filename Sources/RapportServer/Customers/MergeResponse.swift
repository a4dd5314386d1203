import Foundation
import RapportCore

struct MergeResponse: Encodable {
    let actor: String
    let createdAt: Date
    let id: String
    let mergedID: String
    let object = "merge"
    let reason: String
    let survivorID: String
    let undoneAt: Date?

    init(_ record: MergeRecord) {
        actor = record.actor
        createdAt = record.createdAt
        id = record.id
        mergedID = record.mergedID
        reason = record.reason
        survivorID = record.survivorID
        undoneAt = record.undoneAt
    }
}
