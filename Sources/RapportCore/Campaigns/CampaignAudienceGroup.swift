/// Members of a campaign's audience who are alike in everything `CampaignRecipientRule` asks:
/// the set-based resolution counts the members of a stretch by these facts, decides each group
/// once (`CampaignAudiencePlan.decide`) and writes every member's send in one statement. Only
/// the holdout and the test draw are the members' own, and they are drawn per member in SQL.
public struct CampaignAudienceGroup: Sendable, Hashable {
    /// In one of the campaign's exclusion segments.
    public var excluded: Bool
    /// They have an address on the campaign's channel.
    public var hasAddress: Bool
    /// Why their address is held on the channel, sorted; empty when it is not.
    public var suppressions: [SuppressionReason]
    /// Their latest answer about marketing on the channel; nil when they never answered.
    public var consent: ConsentStatus?
    /// That answer was a grant whose expiry has passed.
    public var consentExpired: Bool
    /// Their contact frequency, when they saved preferences.
    public var frequency: ContactFrequency?
    /// They paused messages until after now.
    public var paused: Bool
    /// How many campaign messages on the channel reached them, or are about to, within each of
    /// the plan's `windows` (same order).
    public var recentSends: [Int]
    /// Only for a timed plan: the profile's time zone as saved.
    public var timeZone: String?
    /// Only for a timed plan: `+` and the first four digits of their number, which say where
    /// they are (`CallingCodeZone`).
    public var phonePrefix: String?

    public init(
        excluded: Bool, hasAddress: Bool, suppressions: [SuppressionReason], consent: ConsentStatus?, consentExpired: Bool,
        frequency: ContactFrequency?, paused: Bool, recentSends: [Int], timeZone: String? = nil, phonePrefix: String? = nil
    ) {
        self.excluded = excluded
        self.hasAddress = hasAddress
        self.suppressions = suppressions
        self.consent = consent
        self.consentExpired = consentExpired
        self.frequency = frequency
        self.paused = paused
        self.recentSends = recentSends
        self.timeZone = timeZone
        self.phonePrefix = phonePrefix
    }
}
