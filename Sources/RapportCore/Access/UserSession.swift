import Foundation

/// A signed-in browser: the session is found by the hash of its cookie's token, and carries
/// the CSRF token every state-changing request must repeat.
public struct UserSession: Sendable, Equatable {
    public var id: String
    public var userID: String
    public var workspaceID: String
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(id: String, userID: String, workspaceID: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.id = id
        self.userID = userID
        self.workspaceID = workspaceID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
