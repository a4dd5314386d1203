import RapportCore

/// Web chat has no provider: a reply reaches the visitor through their live stream the
/// moment it is stored, so sending only gives it an id and marks it sent.
public struct WebChatSender: ChannelSender {
    public let channel = InboxChannel.webchat

    public init() {}

    public func send(_ outbound: OutboundMessage) async throws -> String {
        "chat:\(outbound.message.id)"
    }
}
