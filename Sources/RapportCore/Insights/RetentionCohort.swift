import Foundation

/// The customers whose first order fell in one month, and the share of them ordering again
/// in each month after.
public struct RetentionCohort: Sendable, Equatable {
    /// The first day of the cohort's month (UTC).
    public var month: Date
    public var customers: Int
    /// Index k − 1 holds month k's share; only months that have begun by the end.
    public var retention: [Double]

    public init(month: Date, customers: Int, retention: [Double]) {
        self.month = month
        self.customers = customers
        self.retention = retention
    }
}
