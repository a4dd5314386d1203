import Foundation

/// The usable points a customer is about to lose: what expires by `by` unless it is spent
/// first (spending takes the oldest points, which are the ones expiring). `withinDays` is set
/// when `by` is only the end of a notice period (points expiring after a number of days may go
/// any day before it); nil when they all go at `by` (a year's end).
public struct LoyaltyExpiryForecast: Sendable, Equatable {
    public var points: Int64
    public var by: Date
    public var withinDays: Int?

    public init(points: Int64, by: Date, withinDays: Int? = nil) {
        self.points = points
        self.by = by
        self.withinDays = withinDays
    }

    /// The last moment the points are still there (`by` is the first one they are gone), for
    /// saying the day: points that go when 2026 ends are there on 31 December.
    public var lastMoment: Date { by.addingTimeInterval(-1) }
}
