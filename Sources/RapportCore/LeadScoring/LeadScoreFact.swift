import Foundation

/// Something a lead did or is that a scoring rule gave points for: the points, when, and how
/// fast they fade (nil: they keep their worth, as a fit does).
public struct LeadScoreFact: Sendable, Equatable {
    public var points: Double
    public var occurredAt: Date
    public var halfLifeDays: Double?

    public init(points: Double, occurredAt: Date, halfLifeDays: Double? = nil) {
        self.points = points
        self.occurredAt = occurredAt
        self.halfLifeDays = halfLifeDays
    }

    /// The points left at `moment`: points × ½^(age ÷ half-life), the whole points for a fact
    /// without a half-life or one dated later than `moment`.
    public func worth(at moment: Date) -> Double {
        guard let halfLife = halfLifeDays, halfLife > 0 else { return points }
        let ageDays = moment.timeIntervalSince(occurredAt) / 86_400
        guard ageDays > 0 else { return points }
        return points * exp2(-ageDays / halfLife)
    }
}
