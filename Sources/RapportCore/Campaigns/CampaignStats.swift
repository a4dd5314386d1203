/// A campaign's counts from its send log: how many rows stand in each status, how many were
/// skipped for each reason, and how many recorded each outcome.
public struct CampaignStats: Sendable, Equatable {
    public var statuses: [CampaignSendStatus: Int]
    public var skipped: [CampaignSkipReason: Int]
    public var opened: Int
    public var clicked: Int
    public var unsubscribed: Int
    public var complained: Int
    public var replied: Int
    /// The campaign was cancelled: what its log still holds queued, claimed or waiting for a
    /// test's winner counts as `unsent`, not `pending`. A batch a live sender held when the
    /// cancel came still goes (at most one batch per sender), and moves to `sent` when recorded.
    public var cancelled = false

    public init(
        statuses: [CampaignSendStatus: Int] = [:], skipped: [CampaignSkipReason: Int] = [:], opened: Int = 0, clicked: Int = 0,
        unsubscribed: Int = 0, complained: Int = 0, replied: Int = 0
    ) {
        self.statuses = statuses
        self.skipped = skipped
        self.opened = opened
        self.clicked = clicked
        self.unsubscribed = unsubscribed
        self.complained = complained
        self.replied = replied
    }

    /// Every member of the audience the log holds.
    public var audience: Int { statuses.values.reduce(0, +) }
    /// Handed to the provider: sent, and since then delivered or bounced.
    public var sent: Int { (statuses[.sent] ?? 0) + (statuses[.delivered] ?? 0) + (statuses[.bounced] ?? 0) }
    /// Still to go: queued, held by a sender, or waiting for a test's winner (0 once cancelled).
    public var pending: Int { cancelled ? 0 : unfinished }
    /// Not sent because the campaign was cancelled.
    public var unsent: Int { cancelled ? unfinished : 0 }
    private var unfinished: Int { (statuses[.queued] ?? 0) + (statuses[.sending] ?? 0) + (statuses[.waiting] ?? 0) }

    /// The counts as the API shows them: every key present, the skips as `skipped_<reason>`.
    public var fields: [(String, Int)] {
        var fields: [(String, Int)] = [("audience", audience), ("sent", sent), ("pending", pending), ("unsent", unsent)]
        for status in CampaignSendStatus.allCases where status != .sent {
            fields.append((status.rawValue, statuses[status] ?? 0))
        }
        for reason in CampaignSkipReason.allCases { fields.append(("skipped_\(reason.rawValue)", skipped[reason] ?? 0)) }
        fields += [("opened", opened), ("clicked", clicked), ("unsubscribed", unsubscribed), ("complained", complained), ("replied", replied)]
        return fields
    }
}
