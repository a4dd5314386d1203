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
    /// The variant an A/B/n test chose (or a manager did), sent to the rest; nil before.
    public var winnerVariant: String?
    public var winnerChosenAt: Date?
    /// The journey step it sends for; nil for a campaign of its own.
    public var journeyStep: CampaignJourneyStep?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, name: String, channel: CampaignChannel, inboxID: String, status: CampaignStatus,
        definition: CampaignDefinition, scheduledAt: Date? = nil, startedAt: Date? = nil, audienceResolvedAt: Date? = nil, finishedAt: Date? = nil,
        statusReason: String? = nil, winnerVariant: String? = nil, winnerChosenAt: Date? = nil, journeyStep: CampaignJourneyStep? = nil,
        createdBy: String, createdAt: Date, updatedAt: Date
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
        self.winnerVariant = winnerVariant
        self.winnerChosenAt = winnerChosenAt
        self.journeyStep = journeyStep
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// What the consent gate asks of its messages: marketing consent, unless it sends a
    /// journey's service messages.
    public var consentPurpose: ConsentPurpose? {
        if let journeyStep { return journeyStep.purpose }
        return .marketing
    }

    /// Paused because its A/B test found no winner: a manager chooses one (resuming alone
    /// would only pause it again).
    public var awaitsWinnerChoice: Bool {
        status == .paused && definition.experiment != nil && winnerVariant == nil
            && (statusReason?.hasPrefix(CampaignExperiment.choiceReasonPrefix) ?? false)
    }
}
