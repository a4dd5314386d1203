/// A person answered while the bot had the conversation (it was pending until their message):
/// the bot's session ends as taken over, and the bot stays silent until the conversation is
/// resolved.
struct BotTakeOver: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        let leftPending = Set(changes.compactMap { change -> String? in
            guard let change = change as? ConversationChange, change.previous?.status == .pending,
                change.conversation.status != .pending
            else { return nil }
            return change.conversation.id
        })
        for case let change as MessageChange in changes
        where change.kind == .created && Self.isPersonAnswering(change.message) && leftPending.contains(change.conversation.id) {
            guard var session = try await transaction.session.bot.session(conversationID: change.conversation.id),
                session.outcome == .active
            else { continue }
            session.outcome = .handedOff
            session.handoffReason = .agentTookOver
            session.state.awaiting = nil
            session.updatedAt = change.message.createdAt
            try await transaction.session.bot.save(session)
        }
    }

    private static func isPersonAnswering(_ message: Message) -> Bool {
        message.author == .agent && message.direction == .outgoing && !message.isPrivate
    }
}
