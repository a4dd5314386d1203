/// Delivers outgoing messages of one channel through its provider; returns the provider's
/// message id. Throws `JobFailure.permanent` when the provider refused the message as such,
/// `JobFailure.retry` when trying later may work, `JobFailure.rateLimited` when the provider
/// asked for fewer requests.
public protocol ChannelSender: Sendable {
    var channel: InboxChannel { get }
    func send(_ outbound: OutboundMessage) async throws -> String
}
