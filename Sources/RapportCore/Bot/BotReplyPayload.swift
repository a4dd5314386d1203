/// The input of a `bot.reply` job: the customer message the bot answers.
public struct BotReplyPayload: JobPayload, Equatable {
    public static let jobKind = JobKind.botReply

    public var messageID: String

    public init(messageID: String) {
        self.messageID = messageID
    }

    enum CodingKeys: String, CodingKey {
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case messageID = "messageId"
    }
}
