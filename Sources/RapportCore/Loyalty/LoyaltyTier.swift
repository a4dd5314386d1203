/// A level of the programme a customer reaches with enough qualifying points (`silver` from
/// 500). Qualifying points are those earned and not reversed; spending them does not lower a
/// tier.
public struct LoyaltyTier: Sendable, Equatable, Codable {
    public var name: String
    public var minimumPoints: Int64

    public init(name: String, minimumPoints: Int64) {
        self.name = name
        self.minimumPoints = minimumPoints
    }
}
