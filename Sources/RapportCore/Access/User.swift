import Foundation

/// A user of the workspace: who they are, their role, and, as an agent answering
/// conversations, their availability and how many conversations they take at once.
public struct User: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var name: String
    public var email: String
    public var role: UserRole
    public var availability: Availability
    /// Round-robin skips agents with this many open conversations assigned.
    public var maxConversations: Int
    public var createdAt: Date
    /// Set when an admin deactivated the user: no sign-in, no conversations routed.
    public var deactivatedAt: Date?

    public init(
        id: String, workspaceID: String, name: String, email: String, role: UserRole, availability: Availability,
        maxConversations: Int, createdAt: Date, deactivatedAt: Date? = nil
    ) {
        self.deactivatedAt = deactivatedAt
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.email = email
        self.role = role
        self.availability = availability
        self.maxConversations = maxConversations
        self.createdAt = createdAt
    }
}
