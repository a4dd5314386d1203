import Foundation

/// How conversations pass between the bot and people: which inboxes the bot answers first,
/// the hand-off to people (opened, routed, SLA clocks started, as if just arrived) and a
/// person taking a conversation over from the bot.
enum BotHandoff {
    /// Whether the bot takes this inbox's conversations first.
    static func answers(_ inbox: Inbox, session: any StoreSession) async throws -> Bool {
        try await session.bot.settings(workspaceID: inbox.workspaceID)?.inboxIDs.contains(inbox.id) ?? false
    }

    /// The bot gives the conversation to people; the customer is waiting for their answer.
    static func handOff(_ conversation: inout Conversation, inbox: Inbox, in transaction: WriteTransaction) async throws {
        let now = transaction.now
        let before = conversation
        try await PeopleIntake.take(&conversation, inbox: inbox, session: transaction.session, at: now)
        try await SLAClock.of(inbox, session: transaction.session).customerWrote(&conversation, at: now)
        conversation.updatedAt = now
        try await transaction.session.conversations.update(conversation)
        try await transaction.record(ConversationChange(.updated, conversation, previous: before))
    }

    /// The bot was switched off for these inboxes: their pending conversations go to people.
    static func handOffPending(inboxes: [Inbox], in transaction: WriteTransaction) async throws {
        for inbox in inboxes {
            while true {
                // Each handed-off conversation leaves the pending filter, so the first page is always the next.
                let page = try await transaction.session.conversations.list(
                    filter: ConversationFilter(status: .pending, inboxID: inbox.id), workspaceID: inbox.workspaceID,
                    page: try PageRequest(limit: PageRequest.maximumLimit))
                for var conversation in page.items {
                    try await handOff(&conversation, inbox: inbox, in: transaction)
                }
                if !page.hasMore { break }
            }
        }
    }
}
