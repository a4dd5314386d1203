import Foundation
import RapportCore
import SQLKit

struct SQLEventLog: EventLog {
    let handle: SQLConnectionHandle

    private static let columns = ["id", "workspace_id", "type", "subject_id", "payload", "payload_version", "occurred_at"]

    func append(_ events: [DomainEvent]) async throws {
        let rows: [[SQLCell]] = events.map { event in
            [
                .text(event.id), .text(event.workspaceID), .text(event.type.rawValue), .text(event.subjectID),
                .text(event.payload), .integer(Int64(event.payloadVersion)), .integer(Timestamp.microseconds(event.occurredAt)),
            ]
        }
        try await handle.dialect.bulkInsert(table: "domain_events", columns: Self.columns, rows: rows, on: handle)
    }

    func events(after sequence: Int64, limit: Int) async throws -> [StoredDomainEvent] {
        try await handle.sql.raw("""
            SELECT \(unsafeRaw: selection) FROM domain_events WHERE sequence > \(bind: sequence)
            ORDER BY sequence LIMIT \(literal: limit)
            """).all().compactMap(decode)
    }

    func settledEvents(after position: EventPosition, limit: Int) async throws -> [StoredDomainEvent] {
        try await handle.sql.raw("""
            SELECT \(unsafeRaw: selection) FROM domain_events WHERE \(settled(after: position))
            ORDER BY \(unsafeRaw: logOrder) LIMIT \(literal: limit)
            """).all().compactMap(decode)
    }

    func newestSettledPosition(after position: EventPosition) async throws -> EventPosition? {
        let descending = logOrder.split(separator: ",").map { "\($0) DESC" }.joined(separator: ",")
        let row = try await handle.sql.raw("""
            SELECT \(unsafeRaw: writer) AS writer, sequence FROM domain_events WHERE \(settled(after: position))
            ORDER BY \(unsafeRaw: descending) LIMIT 1
            """).first()
        return try row.map { EventPosition(transaction: try $0.int("writer"), sequence: try $0.int("sequence")) }
    }

    func event(id: String) async throws -> StoredDomainEvent? {
        try await handle.sql.raw("SELECT \(unsafeRaw: selection) FROM domain_events WHERE id = \(bind: id)").first().flatMap(decode)
    }

    func position(of consumer: String) async throws -> EventPosition {
        let row = try await handle.sql.raw("""
            SELECT position, writer_xid FROM event_cursors WHERE name = \(bind: consumer)\(unsafeRaw: handle.dialect.lockForUpdate(of: "event_cursors", in: handle))
            """).first()
        guard let row else { return .start }
        return EventPosition(transaction: try row.int("writer_xid"), sequence: try row.int("position"))
    }

    func setPosition(_ position: EventPosition, of consumer: String) async throws {
        try await handle.sql.raw("""
            INSERT INTO event_cursors (name, position, writer_xid)
            VALUES (\(bind: consumer), \(bind: position.sequence), \(bind: position.transaction))
            ON CONFLICT (name) DO UPDATE SET position = excluded.position, writer_xid = excluded.writer_xid
            """).run()
    }

    // On PostgreSQL the log is read in (writing transaction, sequence) order and only below the
    // oldest transaction still running: every event there has committed or never will, so none
    // can appear later before a position already read. SQLite writes one transaction at a
    // time, so sequence order is commit order and everything visible is settled.
    private var isPostgres: Bool { handle.dialect.kind == .postgresql }
    private var writer: String { isPostgres ? "writer_xid::text::bigint" : "0" }
    private var selection: String { "*, \(writer) AS writer" }
    private var logOrder: String { isPostgres ? "writer_xid, sequence" : "sequence" }

    private func settled(after position: EventPosition) -> SQLQueryString {
        guard isPostgres else { return "sequence > \(bind: position.sequence)" }
        return """
            writer_xid < pg_snapshot_xmin(pg_current_snapshot())
            AND (writer_xid, sequence) > (CAST(CAST(\(bind: position.transaction) AS TEXT) AS xid8), \(bind: position.sequence))
            """
    }

    private func decode(_ row: any SQLRow) throws -> StoredDomainEvent? {
        guard let type = DomainEventType(rawValue: try row.string("type")) else { return nil }
        return StoredDomainEvent(
            position: EventPosition(transaction: try row.int("writer"), sequence: try row.int("sequence")),
            event: DomainEvent(
                id: try row.string("id"), workspaceID: try row.string("workspace_id"), type: type,
                subjectID: try row.string("subject_id"), payload: try row.string("payload"),
                payloadVersion: Int(try row.int("payload_version")), occurredAt: try row.date("occurred_at")))
    }
}
