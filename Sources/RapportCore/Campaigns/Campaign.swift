import Foundation

/// A message to the members of segments by e-mail, SMS or WhatsApp, sent through one inbox.
/// Its definition says to whom, what and when; its status says how far it has gone.
public struct Campaign: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var name: String
    public var channel: CampaignChannel
    public var inboxID: String
    public var status: CampaignStatus
    public var definition: CampaignDefinition
    /// When a scheduled campaign starts: the first instant its schedule reaches.
    public var scheduledAt: Date?
    /// When its first message went out.
    public var startedAt: Date?
    /// When its whole audience was in the send log (each member queued, held out or skipped).
    public var audienceResolvedAt: Date?
    /// When it was sent or cancelled.
    public var finishedAt: Date?
    /// Why the sender paused it (an inbox it cannot send through); nil otherwise.
    public var statusReason: String?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, name: String, channel: CampaignChannel, inboxID: String, status: CampaignStatus,
        definition: CampaignDefinition, scheduledAt: Date? = nil, startedAt: Date? = nil, audienceResolvedAt: Date? = nil, finishedAt: Date? = nil,
        statusReason: String? = nil, createdBy: String,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.channel = channel
        self.inboxID = inboxID
        self.status = status
        self.definition = definition
        self.scheduledAt = scheduledAt
        self.startedAt = startedAt
        self.audienceResolvedAt = audienceResolvedAt
        self.finishedAt = finishedAt
        self.statusReason = statusReason
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
