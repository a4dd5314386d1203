import Foundation

/// What the customer's own chat window shows of a message: who it is from (`you`, `bot` or
/// `agent`), never agent ids or delivery internals.
public struct ChatMessageEventPayload: EventPayload {
    public static let version = 1

    public let createdAt: Date
    public let from: String
    public let id: String
    public let text: String?

    public init(_ message: Message) {
        createdAt = message.createdAt
        from = message.direction == .incoming ? "you" : (message.author == .bot ? "bot" : "agent")
        id = message.id
        text = message.text
    }
}
