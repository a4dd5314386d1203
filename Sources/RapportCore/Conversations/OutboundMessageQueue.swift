/// A new message waiting for its channel gets its `message.send` job in the transaction that
/// wrote it, so an acknowledged reply is always sent.
struct OutboundMessageQueue: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        var jobs: [JobRequest] = []
        for case let change as MessageChange in changes
        where change.kind == .created && change.message.direction == .outgoing && change.message.deliveryStatus == .pending {
            jobs.append(try JobRequest(MessageSendPayload(messageID: change.message.id), uniqueKey: change.message.id, maxAttempts: 6))
        }
        guard !jobs.isEmpty else { return }
        try await transaction.session.jobs.enqueue(jobs, now: transaction.now)
    }
}
