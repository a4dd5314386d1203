import HummingbirdCore
import NIOCore
import NIOHTTPTypes
import Synchronization

/// The HTTP server's limits on connections: how many may be open at once (past that a new
/// connection is closed as it opens, before it can hold anything), and how long one may sit
/// idle — or dribble in a request's head — before it is closed (`RAPPORT_MAX_CONNECTIONS`,
/// `RAPPORT_IDLE_TIMEOUT_SECONDS`). A streaming answer (live updates) is never idle.
public final class ConnectionLimit: Sendable {
    public let maximum: Int
    public let idleTimeout: Duration
    private let open = Atomic<Int>(0)

    public init(maximum: Int, idleTimeout: Duration) {
        self.maximum = maximum
        self.idleTimeout = idleTimeout
    }

    /// From `RAPPORT_MAX_CONNECTIONS` (default 2,000) and `RAPPORT_IDLE_TIMEOUT_SECONDS` (default 60).
    public static func fromEnvironment(_ environment: [String: String]) -> ConnectionLimit {
        ConnectionLimit(
            maximum: environment["RAPPORT_MAX_CONNECTIONS"].flatMap(Int.init).map { max(1, $0) } ?? 2_000,
            idleTimeout: .seconds(environment["RAPPORT_IDLE_TIMEOUT_SECONDS"].flatMap(Int.init).map { max(1, $0) } ?? 60))
    }

    /// Counts a connection in; false when it is one too many.
    func admit() -> Bool {
        let now = open.wrappingAdd(1, ordering: .relaxed).newValue
        return now <= maximum
    }

    func release() {
        open.wrappingSubtract(1, ordering: .relaxed)
    }

    /// The server with these limits.
    var server: HTTPServerBuilder {
        let configuration = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionLimitHandler(limit: self)], idleTimeout: .nanoseconds(Int64(idleTimeout.components.seconds) * 1_000_000_000))
        return .http1(configuration: configuration)
    }
}

/// Closes a connection that opens past the limit; counts every connection out when it closes.
final class ConnectionLimitHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    let limit: ConnectionLimit

    init(limit: ConnectionLimit) {
        self.limit = limit
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if !limit.admit() { context.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        limit.release()
    }
}
