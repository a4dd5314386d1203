import Foundation

/// Where conversations and the bot meet: which new conversations the bot takes, and how a
/// conversation passes from the bot to people.
extension ConversationService {
    /// Whether the bot takes this inbox's conversations first.
    func botAnswers(_ inbox: Inbox, session: any StoreSession) async throws -> Bool {
        try await session.bot.settings(workspaceID: inbox.workspaceID)?.inboxIDs.contains(inbox.id) ?? false
    }

    /// The bot gives the conversation to people: it opens, is routed by the inbox's rules and
    /// its SLA clocks start, as if it had just arrived.
    func handOff(_ conversation: inout Conversation, inbox: Inbox, session: any StoreSession, at now: Date) async throws {
        conversation.status = .open
        let tags = try await session.customers.find(id: conversation.customerID, workspaceID: conversation.workspaceID)?.profile.tags ?? []
        try await ConversationRouting(session: session).route(&conversation, inbox: inbox, customerTags: tags, at: now)
        let clockRules = SLAClock(policy: try await slaPolicy(of: inbox, session: session))
        let jobs = clockRules.started(&conversation, at: now) + clockRules.customerWrote(&conversation, at: now)
        conversation.updatedAt = now
        try await session.conversations.update(conversation)
        try await session.events.append([customers.event(
            .conversationUpdated, subject: conversation.id, workspaceID: conversation.workspaceID, json: ConversationDocument.json(conversation))])
        try await session.jobs.enqueue(jobs, now: now)
    }

    /// A person answered while the bot had the conversation: it is theirs now, and the bot
    /// stays silent until it is resolved.
    func takeOverFromBot(_ conversation: inout Conversation, session: any StoreSession, at now: Date) async throws {
        conversation.status = .open
        guard var botSession = try await session.bot.session(conversationID: conversation.id), botSession.outcome == .active else { return }
        botSession.outcome = .handedOff
        botSession.handoffReason = .agentTookOver
        botSession.state.awaiting = nil
        botSession.updatedAt = now
        try await session.bot.save(botSession)
    }

    /// The bot was switched off for these inboxes: their pending conversations go to people.
    /// Returns them, for the live updates after the commit.
    func handOffPending(inboxes: [Inbox], session: any StoreSession, at now: Date) async throws -> [Conversation] {
        var handedOff: [Conversation] = []
        for inbox in inboxes {
            while true {
                // Each handed-off conversation leaves the pending filter, so the first page is always the next.
                let page = try await session.conversations.list(
                    filter: ConversationFilter(status: .pending, inboxID: inbox.id), workspaceID: inbox.workspaceID,
                    page: try PageRequest(limit: PageRequest.maximumLimit))
                for var conversation in page.items {
                    try await handOff(&conversation, inbox: inbox, session: session, at: now)
                    handedOff.append(conversation)
                }
                if !page.hasMore { break }
            }
        }
        return handedOff
    }
}
