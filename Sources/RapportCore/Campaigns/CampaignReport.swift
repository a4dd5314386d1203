/// A campaign's report: its counts, the orders attributed to it, and the lift over its
/// holdout. Money is in minor units; `currency` is the one the single-figure fields use (the
/// cost's, else the one most revenue came in).
public struct CampaignReport: Sendable, Equatable {
    public var campaign: Campaign
    public var stats: CampaignStats
    public var attribution: CampaignAttributionSummary
    public var lift: CampaignLift
    public var currency: String?
    /// An A/B/n test's variants among its test messages, `A` first; empty without a test.
    public var variants: [CampaignVariantOutcome]

    public init(
        campaign: Campaign, stats: CampaignStats, attribution: CampaignAttributionSummary, lift: CampaignLift, currency: String?,
        variants: [CampaignVariantOutcome] = []
    ) {
        self.campaign = campaign
        self.stats = stats
        self.attribution = attribution
        self.lift = lift
        self.currency = currency
        self.variants = variants
    }

    /// Opens are counted from the pixel, which Apple Mail's privacy protection loads for every
    /// message it receives and many clients block: a floor or a ceiling, never a fact.
    public static let opensCaveat =
        "Opens come from an image in the message: Apple Mail Privacy Protection loads it for every message, other clients block it. Read opens as a trend, not a count; clicks and orders are reliable."
}
