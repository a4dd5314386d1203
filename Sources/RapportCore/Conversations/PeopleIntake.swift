import Foundation

/// A conversation coming to people (new, or handed over by the bot): it is routed by the
/// inbox's rules and its SLA clocks start.
enum PeopleIntake {
    static func take(_ conversation: inout Conversation, inbox: Inbox, session: any StoreSession, at now: Date) async throws {
        conversation.status = .open
        let tags = try await session.customers.find(id: conversation.customerID, workspaceID: conversation.workspaceID)?.profile.tags ?? []
        try await ConversationRouting(session: session).route(&conversation, inbox: inbox, customerTags: tags, at: now)
        try await SLAClock.of(inbox, session: session).started(&conversation, at: now)
    }
}
