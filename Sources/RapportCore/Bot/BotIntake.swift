/// A customer's message in a conversation waiting for the bot: the bot gets a `bot.reply`
/// job for it, or, if it no longer answers that inbox (switched off meanwhile, and the
/// message came by a way that did not hand the conversation over already), the conversation
/// goes to people.
struct BotIntake: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        for case let change as MessageChange in changes
        where change.kind == .created && change.message.direction == .incoming && change.conversation.status == .pending {
            guard let inbox = try await transaction.session.inboxes.inbox(id: change.conversation.inboxID) else { continue }
            if try await BotHandoff.answers(inbox, session: transaction.session) {
                let job = try JobRequest(BotReplyPayload(messageID: change.message.id), uniqueKey: change.message.id, maxAttempts: 5)
                try await transaction.session.jobs.enqueue([job], now: change.message.createdAt)
            } else {
                guard var conversation = try await transaction.session.conversations.find(id: change.conversation.id, workspaceID: nil)
                else { continue }
                try await BotHandoff.handOff(&conversation, inbox: inbox, in: transaction)
            }
        }
    }
}
