import Foundation

/// Which orders or events a count reads: those of the last `days` days, or those from one
/// moment (inclusive) to another (exclusive).
public enum SegmentWindow: Sendable, Equatable {
    case lastDays(Int)
    case between(from: SegmentDate?, before: SegmentDate?)

    public func bounds(now: Date) -> (from: Date?, before: Date?) {
        switch self {
        case .lastDays(let days): (now.addingTimeInterval(-Double(days) * 86_400), nil)
        case .between(let from, let before): (from?.resolved(now: now), before?.resolved(now: now))
        }
    }

    /// How long after a counted item happened it leaves the window, when the window moves.
    public var span: TimeInterval? {
        switch self {
        case .lastDays(let days): Double(days) * 86_400
        case .between(let from, _):
            if case .daysAgo(let days)? = from { Double(days) * 86_400 } else { nil }
        }
    }

    /// How long after a item happened it enters the window, when the window's end moves.
    public var entryDelay: TimeInterval? {
        if case .between(_, .daysAgo(let days)?) = self { return Double(days) * 86_400 }
        return nil
    }

    public var isRelative: Bool { span != nil || entryDelay != nil }
}
