import Foundation

/// A conversation as events and agents' live updates carry it.
public struct ConversationEventPayload: EventPayload {
    public static let version = 1

    public struct SLA: Encodable, Sendable {
        public let breaches: [String]
        public let firstResponseAt: Date?
        public let firstResponseDue: Date?
        public let nextResponseDue: Date?
        public let resolutionDue: Date?
        public let waitingSince: Date?
    }

    public let assigneeID: String?
    public let channel: InboxChannel
    public let contact: String
    public let createdAt: Date
    public let customerID: String
    public let id: String
    public let inboxID: String
    public let labels: [String]
    public let lastIncomingAt: Date?
    public let lastMessageAt: Date
    public let object = "conversation"
    public let priority: ConversationPriority
    public let resolvedAt: Date?
    public let sla: SLA
    public let snoozedUntil: Date?
    public let status: ConversationStatus
    public let subject: String?
    public let teamID: String?
    public let updatedAt: Date

    public init(_ conversation: Conversation) {
        assigneeID = conversation.assigneeID
        channel = conversation.channel
        contact = conversation.contact
        createdAt = conversation.createdAt
        customerID = conversation.customerID
        id = conversation.id
        inboxID = conversation.inboxID
        labels = conversation.labels
        lastIncomingAt = conversation.lastIncomingAt
        lastMessageAt = conversation.lastMessageAt
        priority = conversation.priority
        resolvedAt = conversation.resolvedAt
        sla = SLA(
            breaches: conversation.slaBreaches, firstResponseAt: conversation.firstResponseAt,
            firstResponseDue: conversation.firstResponseDue, nextResponseDue: conversation.nextResponseDue,
            resolutionDue: conversation.resolutionDue, waitingSince: conversation.waitingSince)
        snoozedUntil = conversation.snoozedUntil
        status = conversation.status
        subject = conversation.subject
        teamID = conversation.teamID
        updatedAt = conversation.updatedAt
    }
}
