import Foundation

/// The request limits of a server, each per client key, configurable by environment variable
/// (`N/s`, `N/min`, `N/h`, or `off`).
public struct RateLimits: Sendable {
    /// Tracking calls per write key (`RAPPORT_RATE_TRACKING`, default 500/s).
    public var tracking: RateLimit?
    /// Web-chat requests per inbox and client address (`RAPPORT_RATE_CHAT`, default 120/min).
    public var chat: RateLimit?
    /// Inbound provider and shop webhooks per inbox or shop (`RAPPORT_RATE_WEBHOOKS`, default 1000/s).
    public var webhooks: RateLimit?

    public init(tracking: RateLimit?, chat: RateLimit?, webhooks: RateLimit?) {
        self.tracking = tracking
        self.chat = chat
        self.webhooks = webhooks
    }

    public static let defaults = RateLimits(
        tracking: RateLimit(count: 500, period: 1), chat: RateLimit(count: 120, period: 60), webhooks: RateLimit(count: 1000, period: 1))

    /// The defaults, with what the environment sets instead.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> RateLimits {
        func read(_ name: String, _ fallback: RateLimit?) -> RateLimit? {
            guard let text = environment[name] else { return fallback }
            return text.lowercased() == "off" ? nil : RateLimit(text) ?? fallback
        }
        return RateLimits(
            tracking: read("RAPPORT_RATE_TRACKING", defaults.tracking), chat: read("RAPPORT_RATE_CHAT", defaults.chat),
            webhooks: read("RAPPORT_RATE_WEBHOOKS", defaults.webhooks))
    }
}
