import Foundation
import RapportCore

/// A campaign as the API shows it.
struct CampaignResponse: Encodable {
    let id: String
    let object = "campaign"
    let name: String
    let channel: String
    let inboxID: String
    let status: String
    /// Every key present; see `CampaignDefinition.json`.
    let definition: JSONValue
    let scheduledAt: Date?
    let startedAt: Date?
    let audienceResolvedAt: Date?
    let finishedAt: Date?
    /// Why the sender paused it; null otherwise.
    let statusReason: String?
    /// The variant an A/B/n test (or a manager) chose for the rest; null before, or without a test.
    let winnerVariant: String?
    /// The send log's counts (`CampaignStats.fields`): on a single campaign, not in lists.
    let stats: [String: Int]?
    let createdBy: String
    let createdAt: Date
    let updatedAt: Date

    init(_ campaign: Campaign, stats: CampaignStats? = nil) {
        id = campaign.id
        name = campaign.name
        channel = campaign.channel.rawValue
        inboxID = campaign.inboxID
        status = campaign.status.rawValue
        definition = campaign.definition.json
        scheduledAt = campaign.scheduledAt
        startedAt = campaign.startedAt
        audienceResolvedAt = campaign.audienceResolvedAt
        statusReason = campaign.statusReason
        winnerVariant = campaign.winnerVariant
        self.stats = stats.map { Dictionary($0.fields, uniquingKeysWith: { first, _ in first }) }
        finishedAt = campaign.finishedAt
        createdBy = campaign.createdBy
        createdAt = campaign.createdAt
        updatedAt = campaign.updatedAt
    }
}
