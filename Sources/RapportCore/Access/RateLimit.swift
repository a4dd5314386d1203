import Foundation

/// How many requests one client may make: `count` per `period` seconds, refilled evenly, with
/// up to `count` at once. Written `500/s` or `120/min` in the configuration.
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    public var count: Int
    public var period: TimeInterval

    public init(count: Int, period: TimeInterval) {
        self.count = count
        self.period = period
    }

    /// `N/s`, `N/min` or `N/h`; nil for anything else (or `off`).
    public init?(_ text: String) {
        let parts = text.lowercased().split(separator: "/")
        guard parts.count == 2, let count = Int(parts[0].trimmingCharacters(in: .whitespaces)), count > 0 else { return nil }
        switch parts[1].trimmingCharacters(in: .whitespaces) {
        case "s", "sec", "second": self.init(count: count, period: 1)
        case "min", "minute": self.init(count: count, period: 60)
        case "h", "hour": self.init(count: count, period: 3600)
        default: return nil
        }
    }

    public var description: String {
        switch period {
        case 1: "\(count)/s"
        case 60: "\(count)/min"
        default: "\(count)/\(Int(period))s"
        }
    }
}
