/// What a channel sender needs to deliver one outgoing message.
public struct OutboundMessage: Sendable, Equatable {
    public var message: Message
    public var inbox: Inbox
    public var conversation: Conversation
    /// Email threading: the Message-IDs of the conversation so far, oldest first.
    public var threadReferences: [String]
    public var customerName: String?

    public init(message: Message, inbox: Inbox, conversation: Conversation, threadReferences: [String], customerName: String?) {
        self.message = message
        self.inbox = inbox
        self.conversation = conversation
        self.threadReferences = threadReferences
        self.customerName = customerName
    }
}
