import Foundation

/// The append-only domain event log (outbox).
public protocol EventLog: Sendable {
    func append(_ events: [DomainEvent]) async throws
    /// Events after `sequence`, oldest first, as far as this transaction sees them.
    func events(after sequence: Int64, limit: Int) async throws -> [StoredDomainEvent]
    /// Events past `position` in log order whose place is final: no event can still commit
    /// before them (see `EventPosition`). A consumer that reads only these never skips one.
    func settledEvents(after position: EventPosition, limit: Int) async throws -> [StoredDomainEvent]
    /// The position of the newest settled event past `position`, or nil when there is none.
    func newestSettledPosition(after position: EventPosition) async throws -> EventPosition?
    func event(id: String) async throws -> StoredDomainEvent?
    /// How far a consumer has read (the start at first); on PostgreSQL the row stays locked
    /// until the transaction ends, so one dispatcher advances it at a time.
    func position(of consumer: String) async throws -> EventPosition
    func setPosition(_ position: EventPosition, of consumer: String) async throws
}
