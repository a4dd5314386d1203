import Foundation

/// A meeting's repetition, RFC 5545's common subset: every `interval` days, weeks or months,
/// on the `weekdays` given (weekly), `count` times or until a moment.
public struct MeetingRecurrence: Sendable, Equatable {
    public static let weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    public var frequency: MeetingFrequency
    public var interval: Int
    /// `MO` … `SU`, for a weekly meeting on several days.
    public var weekdays: [String]
    public var count: Int?
    public var until: Date?

    public init(frequency: MeetingFrequency, interval: Int = 1, weekdays: [String] = [], count: Int? = nil, until: Date? = nil) {
        self.frequency = frequency
        self.interval = interval
        self.weekdays = weekdays
        self.count = count
        self.until = until
    }

    /// The `RRULE` value (`FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;COUNT=10`); `UNTIL` in UTC.
    public var rule: String {
        var parts = ["FREQ=\(frequency.rawValue.uppercased())", "INTERVAL=\(interval)"]
        if !weekdays.isEmpty { parts.append("BYDAY=\(weekdays.joined(separator: ","))") }
        if let count { parts.append("COUNT=\(count)") }
        if let until { parts.append("UNTIL=\(ICalendarText.utc(until))") }
        return parts.joined(separator: ";")
    }

    /// A moment after which no occurrence of a meeting starting at `start` and lasting
    /// `duration` is still going on (an upper bound for a count: 31 days a month); nil when it
    /// never ends.
    public func lastEnd(start: Date, duration: TimeInterval) -> Date? {
        if let until { return until.addingTimeInterval(duration) }
        guard let count else { return nil }
        // A monthly meeting on the 29th to 31st skips the months without that day (RFC 5545):
        // no simple bound, so it is taken as never ending (from the 28th in UTC, which may be
        // the 29th where the meeting is).
        if frequency == .monthly, Calendar.utc.component(.day, from: start) > 27 { return nil }
        let period: TimeInterval = switch frequency {
        case .daily: 86_400
        case .weekly: 7 * 86_400
        case .monthly: 31 * 86_400
        }
        return start.addingTimeInterval(Double(count) * Double(interval) * period + duration)
    }

    /// Reads a stored rule back (nil for one this build does not write).
    public init?(rule: String) {
        var fields: [String: String] = [:]
        for part in rule.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[String(pair[0])] = String(pair[1])
        }
        guard let frequency = fields["FREQ"].flatMap({ MeetingFrequency(rawValue: $0.lowercased()) }) else { return nil }
        self.frequency = frequency
        interval = fields["INTERVAL"].flatMap(Int.init) ?? 1
        weekdays = fields["BYDAY"].map { $0.split(separator: ",").map(String.init) } ?? []
        count = fields["COUNT"].flatMap(Int.init)
        until = fields["UNTIL"].flatMap(ICalendarText.parseUTC)
    }
}
