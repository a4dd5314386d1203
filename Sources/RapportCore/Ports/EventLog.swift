import Foundation

/// The append-only domain event log (outbox).
public protocol EventLog: Sendable {
    func append(_ events: [DomainEvent]) async throws
    /// Events after `sequence`, oldest first.
    func events(after sequence: Int64, limit: Int) async throws -> [StoredDomainEvent]
    func event(id: String) async throws -> StoredDomainEvent?
    /// The newest sequence after `sequence` of an event that occurred at or before `date`, or nil.
    func newestSequence(after sequence: Int64, occurredBy date: Date) async throws -> Int64?
    /// How far a consumer has read (0 at first); on PostgreSQL the row stays locked until the
    /// transaction ends, so one dispatcher advances it at a time.
    func position(of consumer: String) async throws -> Int64
    func setPosition(_ position: Int64, of consumer: String) async throws
}
