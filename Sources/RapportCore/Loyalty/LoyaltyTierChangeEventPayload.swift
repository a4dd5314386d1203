import Foundation

/// The payload of `loyalty.tier_changed`: whose tier, the one held now (null: below the first),
/// the one told before (null: none) and `direction`, `up` or `down`.
public struct LoyaltyTierChangeEventPayload: EventPayload {
    public static let version = 1
    public var customerID: String
    public var direction: String
    public var previousTier: String?
    public var tier: String?

    init(_ change: LoyaltyTierChange) {
        customerID = change.state.customerID
        direction = change.upward ? "up" : "down"
        previousTier = change.previousTier
        tier = change.state.tier
    }
}
