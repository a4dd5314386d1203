/// Reacts to domain changes inside the transaction that recorded them: what it writes
/// commits with the change or not at all. Slow work (sending, calling out) belongs in a job
/// the subscriber enqueues, or in the after-commit event dispatch.
public protocol DomainChangeSubscriber: Sendable {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws
}
