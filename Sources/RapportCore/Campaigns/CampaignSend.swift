import Foundation

/// One recipient of a campaign: the send log's row, unique per campaign and customer, so a
/// customer is never queued twice for one campaign. Every outcome is a time on it.
public struct CampaignSend: Sendable, Equatable {
    public var id: String
    public var campaignID: String
    public var workspaceID: String
    public var customerID: String
    /// The A/B variant the recipient got; nil without a test.
    public var variant: String?
    public var status: CampaignSendStatus
    public var skipReason: CampaignSkipReason?
    /// The address or number the message went to.
    public var address: String?
    public var providerMessageID: String?
    public var queuedAt: Date
    public var sentAt: Date?
    public var deliveredAt: Date?
    public var openedAt: Date?
    public var clickedAt: Date?
    public var unsubscribedAt: Date?
    public var bouncedAt: Date?
    public var complainedAt: Date?
    public var repliedAt: Date?
    /// Why the hand-over failed, as the provider said it.
    public var error: String?
    /// Not to be sent before this instant: the recipient's local time the campaign is
    /// scheduled for, or the end of their quiet hours. Nil: as soon as a sender gets to it.
    public var notBefore: Date?
    /// Which time of its campaign this is for the customer: empty for a campaign's one send; a
    /// journey's step sends again on each entry and each visit (`enrolment id:step key:visit`),
    /// never twice for the same one (the log is unique by campaign, customer and occurrence).
    public var occurrence: String

    public init(
        id: String, campaignID: String, workspaceID: String, customerID: String, variant: String? = nil, status: CampaignSendStatus,
        skipReason: CampaignSkipReason? = nil, address: String? = nil, providerMessageID: String? = nil, queuedAt: Date, sentAt: Date? = nil,
        deliveredAt: Date? = nil, openedAt: Date? = nil, clickedAt: Date? = nil, unsubscribedAt: Date? = nil, bouncedAt: Date? = nil,
        complainedAt: Date? = nil, repliedAt: Date? = nil, error: String? = nil, notBefore: Date? = nil, occurrence: String = ""
    ) {
        self.id = id
        self.campaignID = campaignID
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.variant = variant
        self.status = status
        self.skipReason = skipReason
        self.address = address
        self.providerMessageID = providerMessageID
        self.queuedAt = queuedAt
        self.sentAt = sentAt
        self.deliveredAt = deliveredAt
        self.openedAt = openedAt
        self.clickedAt = clickedAt
        self.unsubscribedAt = unsubscribedAt
        self.bouncedAt = bouncedAt
        self.complainedAt = complainedAt
        self.repliedAt = repliedAt
        self.error = error
        self.notBefore = notBefore
        self.occurrence = occurrence
    }
}
