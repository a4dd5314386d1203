import Foundation

/// Tiers over a rolling window with a grace period on downgrade. The window counts, at a moment
/// `s`, the points of the orders placed in `(s − window, s]`; the tier held at `now` is the one
/// the highest of those counts reaches over the grace period `[now − grace, now]`. A return
/// takes an order's points back from every moment it counted in, so it gives no grace: only
/// time passing does.
public enum LoyaltyTierWindow {
    public static func points(of orders: [LoyaltyTierOrder], at now: Date, windowDays: Int, graceDays: Int) -> LoyaltyTierPoints {
        let window = Double(windowDays) * 86_400
        let graceStart = now.addingTimeInterval(-Double(max(graceDays, 0)) * 86_400)
        let placed = orders.filter { $0.placedAt <= now }.sorted { $0.placedAt < $1.placedAt }
        // An order counts what it kept, never less than nothing (the ledger writes no such
        // order; were it to, its leaving the window would raise the count between the moments
        // looked at below).
        var prefix: [Int64] = [0]
        for order in placed { prefix.append(prefix[prefix.count - 1] + max(order.counted, 0)) }
        /// How many orders were placed at or before `moment`.
        func count(through moment: Date) -> Int {
            var (low, high) = (0, placed.count)
            while low < high {
                let middle = (low + high) / 2
                if placed[middle].placedAt <= moment { low = middle + 1 } else { high = middle }
            }
            return low
        }
        func counted(at moment: Date) -> Int64 {
            prefix[count(through: moment)] - prefix[count(through: moment.addingTimeInterval(-window))]
        }
        // The count only rises when an order is placed, so its highest over the grace period is
        // at the period's start or at an order placed within it.
        let moments = [graceStart, now] + placed.map(\.placedAt).filter { $0 > graceStart }
        return LoyaltyTierPoints(current: counted(at: now), held: moments.map(counted).max() ?? 0)
    }
}
