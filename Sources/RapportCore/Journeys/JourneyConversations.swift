import Foundation

/// What a journey's note and assignment steps do to the customer's conversations, in the
/// runner's write (ADR 0013), each recorded as the inbox's own changes are
/// (`ConversationChange`, `MessageChange`), so routing, the live inbox and webhooks hear them.
///
/// - A **note** is a private message for the team, by the journey (`author` system), in the
///   customer's unresolved conversation in the step's inbox; if there is none, a conversation
///   is opened there for them, for the step's team (else the inbox's). A customer the inbox's
///   channel cannot name (no e-mail address for an e-mail inbox) gets none: `no_contact`.
/// - An **assignment** gives every unresolved conversation of the customer to the team (their
///   agent stays); a customer with none: `no_conversation`.
enum JourneyConversations {
    /// Carries out the actions, answering for each run index that did nothing why.
    static func apply(_ actions: [JourneyTeamAction], at now: Date, transaction: WriteTransaction) async throws -> [Int: String] {
        var skipped: [Int: String] = [:]
        for action in actions {
            let reason: String?
            switch action.kind {
            case .note(let note): reason = try await write(note, for: action, at: now, transaction: transaction)
            case .assign(let teamID): reason = try await assign(teamID, for: action, at: now, transaction: transaction)
            }
            if let reason { skipped[action.runIndex] = reason }
        }
        return skipped
    }

    private static func write(_ note: JourneyNote, for action: JourneyTeamAction, at now: Date, transaction: WriteTransaction) async throws -> String? {
        let session = transaction.session
        guard let inbox = try await session.inboxes.inbox(id: note.inboxID), inbox.workspaceID == action.workspaceID else { return "no_inbox" }
        guard let customer = try await session.customers.find(id: action.customerID, workspaceID: action.workspaceID) else { return "gone" }
        var contact = customer.id
        if let kind = inbox.channel.identityKind {
            guard let identity = customer.identities.first(where: { $0.kind == kind }) else { return "no_contact" }
            contact = identity.value
        }
        var changes: [any DomainChange] = []
        var conversation: Conversation
        if let open = try await session.conversations.unresolved(inboxID: inbox.id, contact: contact), open.customerID == customer.id {
            conversation = open
        } else {
            conversation = Conversation(
                id: ResourceID.make(.conversation, at: now), workspaceID: action.workspaceID, inboxID: inbox.id, customerID: customer.id,
                channel: inbox.channel, contact: contact, teamID: note.teamID ?? inbox.teamID, lastMessageAt: now, createdAt: now, updatedAt: now)
            try await session.conversations.insert(conversation)
            changes.append(ConversationChange(.created, conversation))
        }
        let previous = conversation
        if let team = note.teamID { conversation.teamID = team }
        conversation.updatedAt = now
        let message = Message(
            id: ResourceID.make(.message, at: now), workspaceID: action.workspaceID, conversationID: conversation.id, inboxID: inbox.id,
            direction: .outgoing, kind: .text, author: .system, authorID: "journey:\(action.journeyID)", text: note.text, isPrivate: true,
            createdAt: now, updatedAt: now)
        try await session.conversations.update(conversation)
        try await session.conversations.insert(message)
        changes += [MessageChange(.created, message, in: conversation), ConversationChange(.updated, conversation, previous: previous)]
        try await transaction.record(changes)
        return nil
    }

    private static func assign(_ teamID: String, for action: JourneyTeamAction, at now: Date, transaction: WriteTransaction) async throws -> String? {
        let session = transaction.session
        let listed = try await session.conversations.list(
            filter: ConversationFilter(customerID: action.customerID), workspaceID: action.workspaceID, page: try PageRequest(limit: 100))
        let unresolved = listed.items.filter { $0.status != .resolved }
        guard !unresolved.isEmpty else { return "no_conversation" }
        var changes: [any DomainChange] = []
        for var conversation in unresolved where conversation.teamID != teamID {
            let previous = conversation
            conversation.teamID = teamID
            conversation.updatedAt = now
            try await session.conversations.update(conversation)
            changes.append(ConversationChange(.updated, conversation, previous: previous))
        }
        try await transaction.record(changes)
        return nil
    }
}
