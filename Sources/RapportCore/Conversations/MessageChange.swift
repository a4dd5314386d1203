/// A message was added to a conversation, or changed (its delivery, a call's details).
public struct MessageChange: DomainChange {
    public enum Kind: Sendable, Equatable {
        case created
        case updated
    }

    public var kind: Kind
    public var message: Message
    /// The conversation the message is in, as it is after the change.
    public var conversation: Conversation

    public init(_ kind: Kind, _ message: Message, in conversation: Conversation) {
        self.kind = kind
        self.message = message
        self.conversation = conversation
    }

    public var eventType: DomainEventType { kind == .created ? .messageCreated : .messageUpdated }
    public var workspaceID: String { message.workspaceID }
    public var subjectID: String { message.id }
    public var payload: any EventPayload { MessageEventPayload(message) }
}
