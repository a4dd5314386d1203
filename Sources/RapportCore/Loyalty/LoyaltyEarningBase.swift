/// What of an order earns points: its `total` (what the customer paid, shipping and tax
/// included) or its `subtotal` (the goods after discounts, without shipping and tax).
public enum LoyaltyEarningBase: String, Sendable, Codable, CaseIterable {
    case total
    case subtotal

    /// The order's amount this base counts, in minor units of its currency (never negative).
    func amount(of totals: OrderTotals) -> Int64 {
        switch self {
        case .total: max(totals.total, 0)
        case .subtotal: max(totals.subtotal - totals.discount, 0)
        }
    }
}
