import Foundation

/// What a tier reads of one order: when it was placed and what it counts — the points it earned
/// and kept (earned less taken back), or, when the tiers count spend, what it kept of its amount
/// (minor units of the tier currency, less what was refunded).
public struct LoyaltyTierOrder: Sendable, Equatable {
    public var placedAt: Date
    public var counted: Int64
    /// The order's id; nil for a sum of several.
    public var orderID: String?

    public init(placedAt: Date, counted: Int64, orderID: String? = nil) {
        self.placedAt = placedAt
        self.counted = counted
        self.orderID = orderID
    }
}
