/// How one variant of an A/B/n test did among the test's recipients: how many it reached and
/// how many of them clicked or ordered (as the test's metric says).
public struct CampaignVariantOutcome: Sendable, Equatable {
    public var name: String
    public var members: Int
    public var successes: Int

    public init(name: String, members: Int, successes: Int) {
        self.name = name
        self.members = members
        self.successes = successes
    }

    /// successes / members; nil before any went.
    public var rate: Double? {
        members > 0 ? Double(successes) / Double(members) : nil
    }
}
