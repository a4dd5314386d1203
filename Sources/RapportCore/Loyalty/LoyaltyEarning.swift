/// The points an order earns and, for the entry's reason, what multiplied them.
public struct LoyaltyEarning: Sendable, Equatable {
    public var points: Int64
    /// The multipliers and the tier that raised the points, as the reason names them
    /// (`Black Friday ×2`, `Gold ×1.5`); empty when nothing did.
    public var raisedBy: [String]

    public init(points: Int64, raisedBy: [String] = []) {
        self.points = points
        self.raisedBy = raisedBy
    }
}
