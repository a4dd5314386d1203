/// A customer's value to the store in three bands, from the monetary score of their RFM row
/// (what they spent, net of refunds, in the store's main currency, in quintiles of everyone
/// who bought; `RFMThresholds`): `high` is the top fifth (score 5), `medium` the next two
/// fifths (scores 3 and 4), `low` the rest (1 and 2). A customer without an RFM row (no order
/// that counts yet) has no band.
public enum CustomerValueBand: String, Sendable, CaseIterable {
    case high, medium, low

    public init(monetaryScore: Int) {
        switch monetaryScore {
        case 5...: self = .high
        case 3...4: self = .medium
        default: self = .low
        }
    }
}
