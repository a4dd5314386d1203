import Foundation

/// What the dashboard needs of one conversation.
public struct ConversationStatsRow: Sendable, Equatable {
    public var id: String
    public var channel: InboxChannel
    public var assigneeID: String?
    public var createdAt: Date
    public var firstResponseAt: Date?
    public var resolvedAt: Date?
    public var slaBreaches: [String]

    public init(
        id: String, channel: InboxChannel, assigneeID: String?, createdAt: Date, firstResponseAt: Date?, resolvedAt: Date?,
        slaBreaches: [String]
    ) {
        self.id = id
        self.channel = channel
        self.assigneeID = assigneeID
        self.createdAt = createdAt
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.slaBreaches = slaBreaches
    }
}
