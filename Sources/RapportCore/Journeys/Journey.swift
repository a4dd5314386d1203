import Foundation

/// A journey (ADR 0013): a draft definition edited freely, and once published, the version
/// new entrants take (`liveVersion`). Customers in flight stay on the version they entered.
public struct Journey: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var name: String
    public var status: JourneyStatus
    /// The definition being edited, as sent (checked when saved; a published copy is frozen).
    public var draft: JSONValue
    /// The version new entrants take; nil before the first publication.
    public var liveVersion: Int?
    /// The built-in journey it was switched on from, if any.
    public var templateKey: String?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
    public var publishedAt: Date?

    public init(
        id: String, workspaceID: String, name: String, status: JourneyStatus, draft: JSONValue, liveVersion: Int? = nil, templateKey: String? = nil,
        createdBy: String, createdAt: Date, updatedAt: Date, publishedAt: Date? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.status = status
        self.draft = draft
        self.liveVersion = liveVersion
        self.templateKey = templateKey
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.publishedAt = publishedAt
    }
}
