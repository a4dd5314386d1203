import Foundation

/// What a tier over a rolling window reads of one order: when it was placed and the points it
/// earned and kept (earned less taken back).
public struct LoyaltyTierOrder: Sendable, Equatable {
    public var placedAt: Date
    public var points: Int64

    public init(placedAt: Date, points: Int64) {
        self.placedAt = placedAt
        self.points = points
    }
}
