/// The conversations an agent may see: those of their teams' inboxes, those routed to one of
/// their teams, and those assigned to them.
public struct ConversationScope: Sendable, Equatable {
    public var inboxIDs: Set<String>
    public var teamIDs: Set<String>
    public var userID: String?

    public init(inboxIDs: Set<String>, teamIDs: Set<String>, userID: String?) {
        self.inboxIDs = inboxIDs
        self.teamIDs = teamIDs
        self.userID = userID
    }

    public func contains(_ conversation: Conversation) -> Bool {
        contains(inboxID: conversation.inboxID, teamID: conversation.teamID, assigneeID: conversation.assigneeID)
    }

    public func contains(inboxID: String, teamID: String?, assigneeID: String?) -> Bool {
        inboxIDs.contains(inboxID) || teamID.map(teamIDs.contains) == true || (userID != nil && assigneeID == userID)
    }
}
