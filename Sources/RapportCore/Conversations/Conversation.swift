import Foundation

/// A thread with one customer in one inbox, with who handles it and its SLA clock.
public struct Conversation: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var inboxID: String
    public var customerID: String
    public var channel: InboxChannel
    /// The customer's address on the channel (a WhatsApp id, a phone number, an email).
    public var contact: String
    public var subject: String?
    public var status: ConversationStatus
    public var snoozedUntil: Date?
    public var assigneeID: String?
    public var teamID: String?
    public var priority: ConversationPriority
    public var labels: [String]
    public var lastMessageAt: Date
    /// When the customer last wrote (WhatsApp's 24-hour window runs from here).
    public var lastIncomingAt: Date?
    /// Since when the customer has been waiting for an answer; nil when answered.
    public var waitingSince: Date?
    public var firstResponseAt: Date?
    public var firstResponseDue: Date?
    public var nextResponseDue: Date?
    public var resolutionDue: Date?
    /// The SLA targets missed: `first_response`, `next_response`, `resolution`.
    public var slaBreaches: [String]
    public var createdAt: Date
    public var updatedAt: Date
    public var resolvedAt: Date?

    public init(
        id: String, workspaceID: String, inboxID: String, customerID: String, channel: InboxChannel, contact: String,
        subject: String? = nil, status: ConversationStatus = .open, snoozedUntil: Date? = nil, assigneeID: String? = nil,
        teamID: String? = nil, priority: ConversationPriority = .normal, labels: [String] = [], lastMessageAt: Date,
        lastIncomingAt: Date? = nil, waitingSince: Date? = nil, firstResponseAt: Date? = nil, firstResponseDue: Date? = nil,
        nextResponseDue: Date? = nil, resolutionDue: Date? = nil, slaBreaches: [String] = [], createdAt: Date,
        updatedAt: Date, resolvedAt: Date? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.inboxID = inboxID
        self.customerID = customerID
        self.channel = channel
        self.contact = contact
        self.subject = subject
        self.status = status
        self.snoozedUntil = snoozedUntil
        self.assigneeID = assigneeID
        self.teamID = teamID
        self.priority = priority
        self.labels = labels
        self.lastMessageAt = lastMessageAt
        self.lastIncomingAt = lastIncomingAt
        self.waitingSince = waitingSince
        self.firstResponseAt = firstResponseAt
        self.firstResponseDue = firstResponseDue
        self.nextResponseDue = nextResponseDue
        self.resolutionDue = resolutionDue
        self.slaBreaches = slaBreaches
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.resolvedAt = resolvedAt
    }
}
