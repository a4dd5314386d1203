import Foundation

public protocol ConversationRepository: Sendable {
    func insert(_ conversation: Conversation) async throws
    func update(_ conversation: Conversation) async throws
    /// On PostgreSQL inside a transaction the row stays locked until it ends.
    func find(id: String, workspaceID: String?) async throws -> Conversation?
    /// The newest conversation of this contact in this inbox that is not resolved.
    func unresolved(inboxID: String, contact: String) async throws -> Conversation?
    /// The contact's newest conversation in the inbox, in any status.
    func latest(inboxID: String, contact: String) async throws -> Conversation?
    /// The contact's thread in the inbox: the newest `limit` messages that are not notes, oldest
    /// first, of their conversations there that are unresolved or had a message since `since`
    /// (a chat visitor's window; whether a survey's question is still the latest word); the
    /// newest 20 such conversations.
    func contactThread(inboxID: String, contact: String, since: Date, limit: Int) async throws -> [Message]
    /// The conversation holding a message with one of these provider ids (email threading).
    func holding(providerMessageIDs: [String], inboxID: String) async throws -> Conversation?
    func list(filter: ConversationFilter, workspaceID: String, page: PageRequest) async throws -> Page<Conversation>
    /// Snoozed conversations whose time has come.
    /// Per status: all, the user's and nobody's, within the filter.
    func counts(filter: ConversationFilter, userID: String?, workspaceID: String) async throws -> ConversationCounts
    /// The conversations opened or resolved in `[from, to)`, for the dashboard.
    func statsRows(workspaceID: String, from: Date, to: Date) async throws -> [ConversationStatsRow]
    /// Open and pending conversations per assignee.
    func openByAssignee(workspaceID: String) async throws -> [String: Int]
    func dueSnoozes(before date: Date, limit: Int) async throws -> [Conversation]
    func insert(_ message: Message) async throws
    func update(_ message: Message) async throws
    func message(id: String) async throws -> Message?
    func message(providerMessageID: String, inboxID: String) async throws -> Message?
    func messages(conversationID: String, page: PageRequest) async throws -> Page<Message>
    /// How many messages an inbox holds.
    /// The newest message the customer can see of each conversation (at most 200).
    func latestMessages(conversationIDs: [String]) async throws -> [String: Message]
    func messageCount(inboxID: String) async throws -> Int
    /// Provider ids of the conversation's messages, oldest first (email `References`).
    func providerMessageIDs(conversationID: String) async throws -> [String]
}
