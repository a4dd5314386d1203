import Foundation

/// Opening hours in a time zone: per weekday (1 = Sunday … 7 = Saturday, as Foundation
/// counts) one window in minutes after midnight. SLA clocks only run inside them.
public struct BusinessHours: Sendable, Equatable, Codable {
    public struct Window: Sendable, Equatable, Codable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    public var timeZone: String
    public var days: [Int: Window]

    public init(timeZone: String, days: [Int: Window]) {
        self.timeZone = timeZone
        self.days = days
    }

    /// The moment `seconds` of business time after `start`.
    public func adding(_ seconds: TimeInterval, to start: Date) -> Date {
        guard !days.isEmpty, let zone = TimeZone(identifier: timeZone) else { return start.addingTimeInterval(seconds) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var remaining = seconds
        var cursor = start
        // A year of days is more than any SLA target needs; the bound keeps bad input finite.
        for _ in 0..<400 {
            let midnight = calendar.startOfDay(for: cursor)
            let weekday = calendar.component(.weekday, from: midnight)
            if let window = days[weekday] {
                let opens = midnight.addingTimeInterval(TimeInterval(window.start * 60))
                let closes = midnight.addingTimeInterval(TimeInterval(window.end * 60))
                let from = max(cursor, opens)
                if from < closes {
                    let available = closes.timeIntervalSince(from)
                    if remaining <= available { return from.addingTimeInterval(remaining) }
                    remaining -= available
                }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: midnight) else { break }
            cursor = next
        }
        return start.addingTimeInterval(seconds)
    }
}
