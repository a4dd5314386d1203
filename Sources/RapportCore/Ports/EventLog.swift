/// The append-only domain event log (outbox).
public protocol EventLog: Sendable {
    func append(_ events: [DomainEvent]) async throws
    /// Events after `sequence`, oldest first.
    func events(after sequence: Int64, limit: Int) async throws -> [StoredDomainEvent]
}
