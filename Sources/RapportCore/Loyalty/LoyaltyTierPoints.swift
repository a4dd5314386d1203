/// What a customer's tier is judged by: points, or minor units of spend. Without a window both
/// are the qualifying points (or everything spent); with one, `current` counts the orders placed
/// within the window now, and `held` is the most the window counted at any moment of the grace
/// period (so a tier reached stays for the grace days after the count fell below it).
public struct LoyaltyTierPoints: Sendable, Equatable {
    /// What reaches the next tier.
    public var current: Int64
    /// What decides the tier held; at least `current`.
    public var held: Int64

    public init(current: Int64, held: Int64) {
        self.current = current
        self.held = max(held, current)
    }
}
