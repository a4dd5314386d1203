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
    /// New web-chat visitors per inbox and client address (`RAPPORT_RATE_CHAT_VISITORS`,
    /// default 20/h): each can become a customer, a conversation and a bot job.
    public var chatVisitors: RateLimit?
    /// New web-chat visitors per workspace, from every address together
    /// (`RAPPORT_RATE_CHAT_VISITORS_WORKSPACE`, default 10000/h).
    public var chatVisitorsPerWorkspace: RateLimit?
    /// Web-chat streams open at once per client address (`RAPPORT_CHAT_STREAMS_PER_ADDRESS`,
    /// default 8) and per workspace (`RAPPORT_CHAT_STREAMS_PER_WORKSPACE`, default 2000).
    public var chatStreamsPerAddress: Int?
    public var chatStreamsPerWorkspace: Int?

    public init(
        tracking: RateLimit?, chat: RateLimit?, webhooks: RateLimit?,
        chatVisitors: RateLimit? = nil, chatVisitorsPerWorkspace: RateLimit? = nil,
        chatStreamsPerAddress: Int? = nil, chatStreamsPerWorkspace: Int? = nil
    ) {
        self.tracking = tracking
        self.chat = chat
        self.webhooks = webhooks
        self.chatVisitors = chatVisitors
        self.chatVisitorsPerWorkspace = chatVisitorsPerWorkspace
        self.chatStreamsPerAddress = chatStreamsPerAddress
        self.chatStreamsPerWorkspace = chatStreamsPerWorkspace
    }

    public static let defaults = RateLimits(
        tracking: RateLimit(count: 500, period: 1), chat: RateLimit(count: 120, period: 60), webhooks: RateLimit(count: 1000, period: 1),
        chatVisitors: RateLimit(count: 20, period: 3600), chatVisitorsPerWorkspace: RateLimit(count: 10000, period: 3600),
        chatStreamsPerAddress: 8, chatStreamsPerWorkspace: 2000)

    /// The defaults, with what the environment sets instead.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> RateLimits {
        func read(_ name: String, _ fallback: RateLimit?) -> RateLimit? {
            guard let text = environment[name] else { return fallback }
            return text.lowercased() == "off" ? nil : RateLimit(text) ?? fallback
        }
        func count(_ name: String, _ fallback: Int?) -> Int? {
            guard let text = environment[name] else { return fallback }
            return text.lowercased() == "off" ? nil : Int(text).map { max(1, $0) } ?? fallback
        }
        return RateLimits(
            tracking: read("RAPPORT_RATE_TRACKING", defaults.tracking), chat: read("RAPPORT_RATE_CHAT", defaults.chat),
            webhooks: read("RAPPORT_RATE_WEBHOOKS", defaults.webhooks),
            chatVisitors: read("RAPPORT_RATE_CHAT_VISITORS", defaults.chatVisitors),
            chatVisitorsPerWorkspace: read("RAPPORT_RATE_CHAT_VISITORS_WORKSPACE", defaults.chatVisitorsPerWorkspace),
            chatStreamsPerAddress: count("RAPPORT_CHAT_STREAMS_PER_ADDRESS", defaults.chatStreamsPerAddress),
            chatStreamsPerWorkspace: count("RAPPORT_CHAT_STREAMS_PER_WORKSPACE", defaults.chatStreamsPerWorkspace))
    }
}
