import Foundation

extension ConversationService {
    /// How long after its last message a resolved chat stays in the visitor's window: a survey
    /// asked at its end is answered from it, and a reload does not empty the window the moment
    /// an agent resolves.
    static let resolvedChatShown: TimeInterval = 2 * 86_400
    /// The most messages a visitor's window loads.
    static let chatHistoryLength = 100

    /// The visitor's thread, one window across their conversations in the inbox: the open
    /// ones, and those with a message in the last two days (a follow-up the team opened goes on
    /// from the thread it came from).
    public func chatHistory(contact: ChatContact, inbox: Inbox) async throws -> [Message] {
        try await store.read { session in
            try await session.conversations.contactThread(
                inboxID: inbox.id, contact: contact.address, since: clock.now().addingTimeInterval(-Self.resolvedChatShown),
                limit: Self.chatHistoryLength)
        }
    }
}
