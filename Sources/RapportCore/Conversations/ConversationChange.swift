/// A conversation was opened, changed, or missed an SLA target.
public struct ConversationChange: DomainChange {
    public enum Kind: Sendable, Equatable {
        case created
        case updated
        case slaBreached(SLATarget)
    }

    public var kind: Kind
    public var conversation: Conversation
    /// The conversation before this change (nil when it was created).
    public var previous: Conversation?

    public init(_ kind: Kind, _ conversation: Conversation, previous: Conversation? = nil) {
        self.kind = kind
        self.conversation = conversation
        self.previous = previous
    }

    public var eventType: DomainEventType {
        switch kind {
        case .created: .conversationCreated
        case .updated: .conversationUpdated
        case .slaBreached: .conversationSLABreached
        }
    }

    public var workspaceID: String { conversation.workspaceID }
    public var subjectID: String { conversation.id }

    public var payload: any EventPayload {
        guard case .slaBreached(let target) = kind else { return ConversationEventPayload(conversation) }
        return SLABreachEventPayload(conversation: ConversationEventPayload(conversation), target: target)
    }
}
