/// The input of a `bot.idle` job: the conversation the bot answered, and the customer message
/// it answered last; if nothing came after it, the conversation closes.
public struct BotIdlePayload: JobPayload, Equatable {
    public static let jobKind = JobKind.botIdle

    public var conversationID: String
    public var messageID: String

    public init(conversationID: String, messageID: String) {
        self.conversationID = conversationID
        self.messageID = messageID
    }

    enum CodingKeys: String, CodingKey {
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case conversationID = "conversationId"
        case messageID = "messageId"
    }
}
