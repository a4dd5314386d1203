import RapportLearning

/// How one variant of an A/B/n test did among the test's recipients: how many it reached, how
/// many of them clicked or ordered (as the test's metric says), and, for revenue per
/// recipient, each recipient's revenue reduced to a count, a sum and a sum of squares in the
/// minor units of `currency`.
public struct CampaignVariantOutcome: Sendable, Equatable {
    public var name: String
    public var members: Int
    public var successes: Int
    /// Revenue per recipient, for that metric; nil for the others.
    public var revenue: SampleSummary?
    public var currency: String?

    public init(name: String, members: Int, successes: Int, revenue: SampleSummary? = nil, currency: String? = nil) {
        self.name = name
        self.members = members
        self.successes = successes
        self.revenue = revenue
        self.currency = currency
    }

    /// successes / members; nil before any went.
    public var rate: Double? {
        members > 0 ? Double(successes) / Double(members) : nil
    }

    /// What the metric compares: the mean revenue per recipient (minor units) when there is a
    /// revenue summary, else the rate.
    public var value: Double? {
        if let revenue { return revenue.mean }
        return rate
    }
}
