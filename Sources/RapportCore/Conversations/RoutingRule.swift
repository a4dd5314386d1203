import Foundation

/// "Conversations in this inbox (or any) from customers with this tag go to this team, with
/// this priority." Rules are tried in `position` order; the first that matches wins.
public struct RoutingRule: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var position: Int
    public var inboxID: String?
    public var customerTag: String?
    public var teamID: String?
    public var priority: ConversationPriority?
    public var createdAt: Date

    public init(
        id: String, workspaceID: String, position: Int, inboxID: String?, customerTag: String?, teamID: String?,
        priority: ConversationPriority?, createdAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.position = position
        self.inboxID = inboxID
        self.customerTag = customerTag
        self.teamID = teamID
        self.priority = priority
        self.createdAt = createdAt
    }

    public func matches(inboxID: String, customerTags: [String]) -> Bool {
        (self.inboxID == nil || self.inboxID == inboxID)
            && (customerTag.map { tag in customerTags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame } } ?? true)
    }
}
