/// The payload of `conversation.product_asked`: which conversation and customer, through which
/// inbox and channel, the message asked in, whether the bot answered and whether the channel
/// proves who asked. Which product is not known: the bot matches no product to a question.
public struct ProductQuestionEventPayload: EventPayload {
    public static let version = 1
    public var conversationID: String
    public var customerID: String
    public var inboxID: String
    public var channel: String
    public var messageID: String
    public var answered: Bool
    public var verified: Bool

    init(_ change: ProductQuestionChange) {
        conversationID = change.conversationID
        customerID = change.customerID
        inboxID = change.inboxID
        channel = change.channel.rawValue
        messageID = change.messageID
        answered = change.answered
        verified = change.verified
    }
}
