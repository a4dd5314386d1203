import Foundation

/// What a visitor's own chat window shows of a message, live and in its history: who it is
/// from (`you`, `bot` or `agent`), a survey's card, never agent ids or delivery internals. Not an event
/// payload: the log keeps the whole message.
public struct VisitorMessage: Encodable, Sendable {
    public let createdAt: Date
    public let from: String
    public let id: String
    /// A survey's question, shown as buttons; nil for any other message.
    public let survey: SurveyCard?
    public let text: String?

    public init(_ message: Message) {
        createdAt = message.createdAt
        from = message.direction == .incoming ? "you" : (message.author == .bot ? "bot" : "agent")
        id = message.id
        text = message.text
        survey = message.direction == .outgoing ? SurveyCard(content: message.content) : nil
    }
}
