/// A change agents' screens show without reloading: a new or changed message, a changed
/// conversation. `json` is the changed resource as the API shows it.
public struct LiveUpdate: Sendable, Equatable {
    public var workspaceID: String
    /// `message.created`, `message.updated`, `conversation.created`, `conversation.updated`.
    public var type: String
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

    public init(
        workspaceID: String, type: String, conversationID: String, inboxID: String, teamID: String? = nil,
        assigneeID: String? = nil, json: String, contact: String? = nil, customerJSON: String? = nil
    ) {
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
}
