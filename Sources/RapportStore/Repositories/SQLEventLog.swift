import Foundation
import RapportCore
import SQLKit

struct SQLEventLog: EventLog {
    let handle: SQLConnectionHandle

    private static let columns = ["id", "workspace_id", "type", "subject_id", "payload", "occurred_at"]

    func append(_ events: [DomainEvent]) async throws {
        let rows: [[SQLCell]] = events.map { event in
            [
                .text(event.id), .text(event.workspaceID), .text(event.type.rawValue), .text(event.subjectID),
                .text(event.payload), .integer(Timestamp.microseconds(event.occurredAt)),
            ]
        }
        try await handle.dialect.bulkInsert(table: "domain_events", columns: Self.columns, rows: rows, on: handle)
    }

    func events(after sequence: Int64, limit: Int) async throws -> [StoredDomainEvent] {
        try await handle.sql.raw("""
            SELECT * FROM domain_events WHERE sequence > \(bind: sequence) ORDER BY sequence LIMIT \(literal: limit)
            """).all().compactMap(decode)
    }

    func event(id: String) async throws -> StoredDomainEvent? {
        try await handle.sql.raw("SELECT * FROM domain_events WHERE id = \(bind: id)").first().flatMap(decode)
    }

    func newestSequence(after sequence: Int64, occurredBy date: Date) async throws -> Int64? {
        try await handle.sql.raw("""
            SELECT MAX(sequence) AS newest FROM domain_events
            WHERE sequence > \(bind: sequence) AND occurred_at <= \(bind: Timestamp.microseconds(date))
            """).first()?.decode(column: "newest", as: Int64?.self)
    }

    func position(of consumer: String) async throws -> Int64 {
        let row = try await handle.sql.raw("""
            SELECT position FROM event_cursors WHERE name = \(bind: consumer)\(unsafeRaw: handle.dialect.lockForUpdate(of: "event_cursors", in: handle))
            """).first()
        return try row?.int("position") ?? 0
    }

    func setPosition(_ position: Int64, of consumer: String) async throws {
        try await handle.sql.raw("""
            INSERT INTO event_cursors (name, position) VALUES (\(bind: consumer), \(bind: position))
            ON CONFLICT (name) DO UPDATE SET position = excluded.position
            """).run()
    }

    private func decode(_ row: any SQLRow) throws -> StoredDomainEvent? {
        guard let type = DomainEventType(rawValue: try row.string("type")) else { return nil }
        return StoredDomainEvent(
            sequence: try row.int("sequence"),
            event: DomainEvent(
                id: try row.string("id"), workspaceID: try row.string("workspace_id"), type: type,
                subjectID: try row.string("subject_id"), payload: try row.string("payload"),
                occurredAt: try row.date("occurred_at")))
    }
}
