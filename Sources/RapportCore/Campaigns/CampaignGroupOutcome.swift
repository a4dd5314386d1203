/// What one group of a campaign's audience did in the conversion window after the campaign
/// reached it (or, for the holdout, after it would have): how many, how many ordered, and
/// what they spent, in minor units by currency.
public struct CampaignGroupOutcome: Sendable, Equatable {
    public var members: Int
    /// Members with at least one order in the window.
    public var converted: Int
    public var revenue: [String: Int64]

    public init(members: Int = 0, converted: Int = 0, revenue: [String: Int64] = [:]) {
        self.members = members
        self.converted = converted
        self.revenue = revenue
    }

    /// converted / members; nil for an empty group.
    public var conversionRate: Double? {
        members > 0 ? Double(converted) / Double(members) : nil
    }

    /// Revenue in `currency` per member, in minor units; nil for an empty group.
    public func revenuePerMember(_ currency: String) -> Double? {
        members > 0 ? Double(revenue[currency] ?? 0) / Double(members) : nil
    }
}
