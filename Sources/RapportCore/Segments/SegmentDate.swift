import Foundation

/// A moment in a condition: a fixed date (`"1997-06-01"` or an ISO 8601 time) or one
/// relative to now (`{"days_ago": 30}`), which moves as time passes.
public enum SegmentDate: Sendable, Equatable {
    case fixed(Date)
    case daysAgo(Int)

    public func resolved(now: Date) -> Date {
        switch self {
        case .fixed(let date): date
        case .daysAgo(let days): now.addingTimeInterval(-Double(days) * 86_400)
        }
    }

    public var isRelative: Bool {
        if case .daysAgo = self { return true }
        return false
    }

    public var json: JSONValue {
        switch self {
        case .fixed(let date): .string(Self.text(date))
        case .daysAgo(let days): .object(["days_ago": .number(Double(days))])
        }
    }

    /// A date at midnight UTC is written as the day alone, as it was given.
    static func text(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970)
        guard seconds % 86_400 == 0, date.timeIntervalSince1970 == Double(seconds) else { return Timestamp.iso8601(date) }
        return String(Timestamp.iso8601(date).prefix(10))
    }
}
