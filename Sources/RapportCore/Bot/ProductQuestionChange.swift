/// A customer asked the bot about products (`conversation.product_asked`): the conversation,
/// its channel, whether the bot had an answer, and whether the channel proves who asked (a
/// web chat visitor without the shop's signed identity is only who they say). Journeys start
/// on it (the built-in lead nurture); outgoing webhooks may subscribe to it.
public struct ProductQuestionChange: DomainChange {
    public var workspaceID: String
    public var conversationID: String
    public var customerID: String
    public var inboxID: String
    public var channel: InboxChannel
    public var messageID: String
    /// The bot answered from the help centre and the reply could go (else it offered a person).
    public var answered: Bool
    /// The channel proves who the customer is (`ContactIdentity.proves`).
    public var verified: Bool

    public init(
        workspaceID: String, conversationID: String, customerID: String, inboxID: String, channel: InboxChannel, messageID: String, answered: Bool,
        verified: Bool
    ) {
        self.workspaceID = workspaceID
        self.conversationID = conversationID
        self.customerID = customerID
        self.inboxID = inboxID
        self.channel = channel
        self.messageID = messageID
        self.answered = answered
        self.verified = verified
    }

    public var eventType: DomainEventType { .conversationProductAsked }
    public var subjectID: String { conversationID }
    public var payload: any EventPayload { ProductQuestionEventPayload(self) }
}
