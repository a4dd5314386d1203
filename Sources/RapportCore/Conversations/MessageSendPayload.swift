/// The input of a `message.send` job.
public struct MessageSendPayload: JobPayload, Equatable {
    public static let jobKind = JobKind.messageSend

    public var messageID: String

    public init(messageID: String) {
        self.messageID = messageID
    }

    enum CodingKeys: String, CodingKey {
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case messageID = "messageId"
    }
}
