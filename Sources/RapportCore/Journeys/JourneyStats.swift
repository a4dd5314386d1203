/// A journey's totals: how many entered, how many are in it now, how it ended for the rest,
/// and the goal's conversions for those who walked it and for the holdout.
public struct JourneyStats: Sendable, Equatable {
    public var entered = 0
    public var inFlight = 0
    public var completed = 0
    public var exited = 0
    public var heldOut = 0
    /// Entrants (not held out) who reached the goal within its window.
    public var converted = 0
    /// Held-out entrants who reached the goal within its window.
    public var heldOutConverted = 0
    /// What walkers and held-out entrants ordered within the goal's window after entering, net
    /// of refunds, in minor units per currency: the journey's revenue against its baseline.
    public var revenue: [String: Int64] = [:]
    public var heldOutRevenue: [String: Int64] = [:]

    public init() {}

    /// The share of walkers who converted, and of the holdout; nil without any.
    public var conversionRate: Double? { walkers > 0 ? Double(converted) / Double(walkers) : nil }
    public var holdoutConversionRate: Double? { heldOut > 0 ? Double(heldOutConverted) / Double(heldOut) : nil }

    var walkers: Int { entered - heldOut }
}
