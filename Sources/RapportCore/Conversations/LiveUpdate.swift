/// A change agents' screens show without reloading: a new or changed message, a changed
/// conversation, or an alert for one user (`userID` set: it reaches only that user's streams,
/// whatever inboxes they follow, and names no conversation). `json` is the changed resource as
/// the API shows it.
public struct LiveUpdate: Sendable, Equatable {
    public var workspaceID: String
    /// `message.created`, `message.updated`, `conversation.created`, `conversation.updated`, or `alert.created`.
    public var type: DomainEventType
    public var conversationID: String
    public var inboxID: String
    /// The conversation's team and assignee, so an agent's stream shows only what they may see.
    public var teamID: String?
    public var assigneeID: String?
    public var json: String
    /// The conversation's contact, and what the customer may see of the change (a web chat
    /// visitor's stream): nil for notes and for conversation changes.
    public var contact: String?
    public var customerJSON: String?
    /// The one user this update is for (an alert); nil: whoever may see the conversation.
    public var userID: String?

    public init(
        workspaceID: String, type: DomainEventType, conversationID: String, inboxID: String, teamID: String? = nil,
        assigneeID: String? = nil, json: String, contact: String? = nil, customerJSON: String? = nil, userID: String? = nil
    ) {
        self.userID = userID
        self.teamID = teamID
        self.assigneeID = assigneeID
        self.workspaceID = workspaceID
        self.type = type
        self.conversationID = conversationID
        self.inboxID = inboxID
        self.json = json
        self.contact = contact
        self.customerJSON = customerJSON
    }

    /// A change of the conversation itself, not of one of its messages.
    var isConversationLevel: Bool { type == .conversationCreated || type == .conversationUpdated }

    /// A new alert, for its user's streams only.
    init(_ alert: Alert) {
        self.init(
            workspaceID: alert.workspaceID, type: .alertCreated, conversationID: "", inboxID: "", json: JSONDocumentEncoder.text(AlertDocument(alert)),
            userID: alert.userID)
    }

    /// A conversation's change as agents' screens show it.
    init(_ type: DomainEventType, _ conversation: Conversation) {
        self.init(
            workspaceID: conversation.workspaceID, type: type, conversationID: conversation.id, inboxID: conversation.inboxID,
            teamID: conversation.teamID, assigneeID: conversation.assigneeID, json: ConversationEventPayload(conversation).json)
    }

    /// A message's change, with what the customer may see of it (nothing of a note).
    init(_ type: DomainEventType, _ message: Message, in conversation: Conversation) {
        self.init(
            workspaceID: message.workspaceID, type: type, conversationID: conversation.id, inboxID: conversation.inboxID,
            teamID: conversation.teamID, assigneeID: conversation.assigneeID, json: MessageEventPayload(message).json,
            contact: conversation.contact, customerJSON: message.isPrivate ? nil : JSONDocumentEncoder.text(VisitorMessage(message)))
    }
}
