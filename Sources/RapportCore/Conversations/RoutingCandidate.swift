import Foundation

/// An online team member as round-robin sees them: how loaded, and when last given a conversation.
public struct RoutingCandidate: Sendable, Equatable {
    public var agent: User
    public var openConversations: Int
    public var lastAssignedAt: Date?

    public init(agent: User, openConversations: Int, lastAssignedAt: Date?) {
        self.agent = agent
        self.openConversations = openConversations
        self.lastAssignedAt = lastAssignedAt
    }
}
