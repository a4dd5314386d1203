/// A person answered while the bot had the conversation: the bot's session ends as taken
/// over, and the bot stays silent until the conversation is resolved.
struct BotTakeOver: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        for case let change as MessageChange in changes where change.kind == .created && Self.isPersonAnswering(change.message) {
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
