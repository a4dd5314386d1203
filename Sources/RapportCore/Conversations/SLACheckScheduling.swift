/// When a change sets an SLA target's due time, its `sla.check` job is enqueued for that
/// moment in the same transaction (a check for a due time that moved since finds nothing).
struct SLACheckScheduling: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        var jobs: [JobRequest] = []
        for case let change as ConversationChange in changes {
            if case .slaBreached = change.kind { continue }
            jobs += try SLAClock.checks(for: change.conversation, since: change.previous)
        }
        guard !jobs.isEmpty else { return }
        try await transaction.session.jobs.enqueue(jobs, now: transaction.now)
    }
}
