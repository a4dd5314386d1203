/// What a web chat visitor may read: their own conversation's messages, without notes.
extension ConversationService {
    public func chatHistory(contact: ChatContact, inbox: Inbox) async throws -> [Message] {
        try await store.read { session in
            guard let conversation = try await session.conversations.unresolved(inboxID: inbox.id, contact: contact.address) else { return [] }
            return try await session.conversations.messages(conversationID: conversation.id, page: try PageRequest(limit: 100)).items
                .filter { !$0.isPrivate }
        }
    }
}
