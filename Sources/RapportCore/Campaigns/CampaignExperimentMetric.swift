/// What decides an A/B/n test: the share of each variant's recipients who clicked, the share
/// who placed an order (not cancelled, not wholly refunded) since the draw, or the revenue per
/// recipient over that time (in one currency: the cost's, else the one the test's orders
/// brought most in), compared by Welch's test since most recipients spend nothing.
public enum CampaignExperimentMetric: String, Sendable, Equatable, CaseIterable {
    case clickRate = "click_rate"
    case conversion
    case revenuePerRecipient = "revenue_per_recipient"

    /// How a page names what is compared.
    public var words: String {
        switch self {
        case .clickRate: "click rate"
        case .conversion: "share who ordered"
        case .revenuePerRecipient: "revenue per recipient"
        }
    }
}
