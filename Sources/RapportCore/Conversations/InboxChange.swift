/// An inbox was connected or its set-up changed. The event names the inbox and its channel,
/// never its credentials.
public struct InboxChange: DomainChange {
    public var created: Bool
    public var inbox: Inbox

    public init(created: Bool, _ inbox: Inbox) {
        self.created = created
        self.inbox = inbox
    }

    public var eventType: DomainEventType { created ? .inboxCreated : .inboxUpdated }
    public var workspaceID: String { inbox.workspaceID }
    public var subjectID: String { inbox.id }

    public var payload: any EventPayload { InboxEventPayload(channel: inbox.channel, id: inbox.id) }
}
