import Foundation

/// A campaign's messages over time, for its report's chart: sent, first opened and first
/// clicked per hour while everything happened within `maximumHours`, else per day. Every
/// bucket from the first to the last is there, empty ones too (at most `maximumHours` hours or
/// `maximumDays` days from the first); buckets are hours and days in UTC.
public struct CampaignTimeline: Sendable, Equatable {
    public enum Bucket: String, Sendable {
        case hour
        case day

        public var seconds: Int {
            switch self {
            case .hour: 3_600
            case .day: 86_400
            }
        }
    }

    public static let maximumHours = 72
    public static let maximumDays = 90

    public var bucket: Bucket
    /// Oldest first, one per bucket.
    public var points: [CampaignTimelinePoint]

    public init(bucket: Bucket, points: [CampaignTimelinePoint]) {
        self.bucket = bucket
        self.points = points
    }

    /// From counts per hour, as the store gives them (hours with nothing left out, any order).
    public init(hourly: [CampaignTimelinePoint]) {
        let sorted = hourly.sorted { $0.start < $1.start }
        guard let first = sorted.first, let last = sorted.last else {
            self.init(bucket: .hour, points: [])
            return
        }
        let bucket: Bucket = last.start.timeIntervalSince(first.start) < Double(Self.maximumHours * Bucket.hour.seconds) ? .hour : .day
        let size = Double(bucket.seconds)
        let index = { (date: Date) -> Int in Int((date.timeIntervalSince1970 / size).rounded(.down)) }
        let start = { (index: Int) -> Date in Date(timeIntervalSince1970: Double(index) * size) }
        var counted: [Int: CampaignTimelinePoint] = [:]
        for point in sorted {
            let key = index(point.start)
            var total = counted[key] ?? CampaignTimelinePoint(start: start(key))
            total.sent += point.sent
            total.opened += point.opened
            total.clicked += point.clicked
            counted[key] = total
        }
        let from = index(first.start)
        let to = min(index(last.start), from + (bucket == .hour ? Self.maximumHours : Self.maximumDays) - 1)
        self.init(bucket: bucket, points: (from...to).map { counted[$0] ?? CampaignTimelinePoint(start: start($0)) })
    }

    /// Whether nothing was sent, opened or clicked yet.
    public var isEmpty: Bool {
        points.isEmpty
    }
}
