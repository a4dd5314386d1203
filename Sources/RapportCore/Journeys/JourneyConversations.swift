import Foundation

/// What a journey's note and assignment steps do to the customer's conversations, in the
/// runner's write (ADR 0013), each recorded as the inbox's own changes are
/// (`MessageChange`, `ConversationChange`): the live inbox and outgoing webhooks hear them;
/// journeys do not hear a journey's own note (`JourneyHappening`).
///
/// - A **note** is a private message for the team, by the journey (`author` system,
///   `author_id` `journey:jny_…`), in the customer's unresolved conversation in the step's
///   inbox; without one (or without the contact the inbox's channel needs) the step does
///   nothing: `no_conversation` (work without a conversation is a task).
/// - An **assignment** gives every unresolved conversation of the customer to the team (their
///   agent stays; each locked and read again before it changes); without one:
///   `no_conversation`.
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
        guard let customer = try await session.customers.find(id: action.customerID, workspaceID: action.workspaceID), customer.deletedAt == nil,
            customer.mergedIntoID == nil
        else { return "gone" }
        var contact = customer.id
        if let kind = inbox.channel.identityKind {
            guard let identity = customer.identities.first(where: { $0.kind == kind }) else { return "no_conversation" }
            contact = identity.value
        }
        // Locked as it is read (`unresolved`), so a message or a change meanwhile waits its turn.
        guard var conversation = try await session.conversations.unresolved(inboxID: inbox.id, contact: contact), conversation.customerID == customer.id
        else { return "no_conversation" }
        let previous = conversation
        conversation.updatedAt = now
        let message = Message(
            id: ResourceID.make(.message, at: now), workspaceID: action.workspaceID, conversationID: conversation.id, inboxID: inbox.id,
            direction: .outgoing, kind: .text, author: .system, authorID: JourneyNote.author(journeyID: action.journeyID), text: note.text,
            isPrivate: true, createdAt: now, updatedAt: now)
        try await session.conversations.update(conversation)
        try await session.conversations.insert(message)
        try await transaction.record([MessageChange(.created, message, in: conversation), ConversationChange(.updated, conversation, previous: previous)])
        return nil
    }

    private static func assign(_ teamID: String, for action: JourneyTeamAction, at now: Date, transaction: WriteTransaction) async throws -> String? {
        let session = transaction.session
        // Newest first, a hundred a page; a customer has few unresolved conversations.
        var unresolved: [String] = []
        for status in [ConversationStatus.open, .pending, .snoozed] {
            var after: String?
            repeat {
                let page = try await session.conversations.list(
                    filter: ConversationFilter(status: status, customerID: action.customerID), workspaceID: action.workspaceID,
                    page: try PageRequest(limit: 100, startingAfter: after))
                unresolved += page.items.map(\.id)
                after = page.hasMore ? page.items.last?.id : nil
            } while after != nil
        }
        guard !unresolved.isEmpty else { return "no_conversation" }
        var changes: [any DomainChange] = []
        for id in unresolved.sorted() {
            // Locked and read again: a change made since the list (resolved, a message in) stands.
            guard var conversation = try await session.conversations.find(id: id, workspaceID: action.workspaceID),
                conversation.status != .resolved, conversation.teamID != teamID
            else { continue }
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
