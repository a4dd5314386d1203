import Foundation

/// One merge of `mergedID` into `survivorID`: who or what did it, why, and the state before,
/// so that an unmerge can restore both customers.
public struct MergeRecord: Sendable, Equatable, Codable {
    public var id: String
    public var workspaceID: String
    public var survivorID: String
    public var mergedID: String
    /// `api_key:key_…`, `system:identity_resolution`, …
    public var actor: String
    public var reason: String
    public var survivorBefore: CustomerSnapshot
    public var mergedBefore: CustomerSnapshot
    /// The survivor's profile right after the merge; fields that still hold it are restored on unmerge.
    public var survivorAfter: CustomerProfile
    public var createdAt: Date
    public var undoneAt: Date?

    public init(
        id: String, workspaceID: String, survivorID: String, mergedID: String, actor: String, reason: String,
        survivorBefore: CustomerSnapshot, mergedBefore: CustomerSnapshot, survivorAfter: CustomerProfile,
        createdAt: Date, undoneAt: Date? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.survivorID = survivorID
        self.mergedID = mergedID
        self.actor = actor
        self.reason = reason
        self.survivorBefore = survivorBefore
        self.mergedBefore = mergedBefore
        self.survivorAfter = survivorAfter
        self.createdAt = createdAt
        self.undoneAt = undoneAt
    }
}
