import Foundation

/// The months in which a customer ordered, counted from the month of their first order: bit k
/// set for month k (0 is the first order's month), up to month 62 — five years, more than the
/// longest cohort matrix (36 months). Stored with the customer's RFM row, so the cohort matrix
/// reads one row per customer instead of every order.
public struct ActiveMonths: Sendable, Equatable {
    public static let maximumOffset = 62
    public var bits: Int64

    public init(bits: Int64) {
        self.bits = bits
    }

    /// From the times of a customer's orders, the first of them included.
    public init(orders: [Date]) {
        guard let first = orders.min() else {
            self.init(bits: 0)
            return
        }
        let start = UTCMonth(first).index
        var bits: Int64 = 0
        for placed in orders {
            let offset = UTCMonth(placed).index - start
            if offset <= Self.maximumOffset { bits |= 1 << Int64(offset) }
        }
        self.init(bits: bits)
    }

    /// Whether they ordered in month `offset` after their first order's month.
    public func contains(_ offset: Int) -> Bool {
        (0...Self.maximumOffset).contains(offset) && bits & (1 << Int64(offset)) != 0
    }
}
