import Foundation
import RapportCore

/// An audit entry as the API and the export show it, with its place in the chain.
struct AuditEntryResponse: Encodable {
    let action: String
    let actor: String
    let details: [String: String]
    let hash: String
    let id: String
    let ipAddress: String?
    let occurredAt: Date
    let position: Int64
    let previousHash: String
    let subjectDigest: String?
    let subjectID: String?
    let subjectType: String?

    init(_ entry: AuditEntry) {
        action = entry.action
        actor = entry.actor
        details = entry.details
        hash = entry.hash
        id = entry.id
        ipAddress = entry.ipAddress
        occurredAt = entry.occurredAt
        position = entry.position
        previousHash = entry.previousHash
        subjectDigest = entry.subjectDigest
        subjectID = entry.subjectID
        subjectType = entry.subjectType
    }
}
