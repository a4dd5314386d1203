/// A change agents' screens show without reloading: a new or changed message, a changed
/// conversation. `json` is the changed resource as the API shows it.
public struct LiveUpdate: Sendable, Equatable {
    public var workspaceID: String
    /// `message.created`, `message.updated`, `conversation.created`, `conversation.updated`.
    public var type: String
    public var conversationID: String
    public var inboxID: String
    public var json: String

    public init(workspaceID: String, type: String, conversationID: String, inboxID: String, json: String) {
        self.workspaceID = workspaceID
        self.type = type
        self.conversationID = conversationID
        self.inboxID = inboxID
        self.json = json
    }
}
