/// A customer's message in a conversation waiting for the bot gets its `bot.reply` job. A
/// conversation is pending only while the bot answers its inbox: the inbound path hands one
/// over to people before recording a message when the bot no longer does (`PeopleIntake`).
struct BotIntake: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        var jobs: [JobRequest] = []
        for case let change as MessageChange in changes
        where change.kind == .created && change.message.direction == .incoming && change.conversation.status == .pending {
            jobs.append(try JobRequest(BotReplyPayload(messageID: change.message.id), uniqueKey: change.message.id, maxAttempts: 5))
        }
        guard !jobs.isEmpty else { return }
        try await transaction.session.jobs.enqueue(jobs, now: transaction.now)
    }
}
