import Foundation

/// A customer's own re-buy interval, from their purchase history: the median time between
/// their purchases. Orders placed within a day of a purchase's first order count as that
/// purchase (a forgotten item ordered after); it needs two purchases, and it is kept between
/// a day and a year. Their next purchase is due that long after their last.
public enum JourneyRebuyInterval {
    /// How far back the runner reads a customer's orders for it.
    public static let history: TimeInterval = 2 * 365 * 86_400

    /// When the next purchase is due: the last order plus the interval; nil while unknown.
    public static func due(_ orderTimes: [Date]) -> Date? {
        guard let interval = of(orderTimes), let last = orderTimes.max() else { return nil }
        return last.addingTimeInterval(interval)
    }

    public static let shortest: TimeInterval = 86_400
    public static let longest: TimeInterval = 365 * 86_400

    /// The interval of these order times (any order), or nil with fewer than two purchases.
    public static func of(_ orderTimes: [Date]) -> TimeInterval? {
        let times = orderTimes.sorted()
        var gaps: [TimeInterval] = []
        var last: Date?
        for time in times {
            guard let previous = last else {
                last = time
                continue
            }
            let gap = time.timeIntervalSince(previous)
            guard gap >= shortest else { continue }
            gaps.append(gap)
            last = time
        }
        guard !gaps.isEmpty else { return nil }
        gaps.sort()
        let middle = gaps.count / 2
        let median = gaps.count % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2
        return min(max(median, shortest), longest)
    }
}
