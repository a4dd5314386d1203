import Foundation

/// A user's calendar subscription: a secret address that phones and calendar apps poll for the
/// user's meetings and tasks. Only the secret's hash is kept; revoking it ends the address.
public struct CalendarFeed: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var userID: String
    public var secretHash: String
    public var createdBy: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: String, workspaceID: String, userID: String, secretHash: String, createdBy: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.workspaceID = workspaceID
        self.userID = userID
        self.secretHash = secretHash
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
