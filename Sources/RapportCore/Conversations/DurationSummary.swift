import Foundation

/// How long something took across many conversations: how many, the median and the 90th
/// percentile (nearest-rank), in seconds.
public struct DurationSummary: Sendable, Equatable {
    public var count: Int
    public var median: TimeInterval?
    public var p90: TimeInterval?

    public init(_ durations: [TimeInterval]) {
        let sorted = durations.sorted()
        count = sorted.count
        median = Self.percentile(sorted, 0.5)
        p90 = Self.percentile(sorted, 0.9)
    }

    /// Nearest-rank: the smallest value with at least `fraction` of the values at or below it.
    public static func percentile(_ sorted: [TimeInterval], _ fraction: Double) -> TimeInterval? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
