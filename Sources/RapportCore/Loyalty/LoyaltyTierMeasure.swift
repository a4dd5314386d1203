/// What a programme's tiers count: the points the customer's orders earned and kept, or what the
/// customer spent and kept (orders in the programme's tier currency, less what was refunded).
public enum LoyaltyTierMeasure: String, Sendable, Codable, CaseIterable {
    case points
    case spend

    /// The field a tier's minimum goes by in the API and the values it may take: points, or
    /// minor units of the tier currency.
    public var minimumField: (name: String, range: ClosedRange<Int64>) {
        switch self {
        case .points: ("minimum_points", 0...1_000_000_000)
        case .spend: ("minimum_spend", 0...1_000_000_000_000)
        }
    }
}
