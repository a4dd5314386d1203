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
            """).all().compactMap { row in
            guard let type = DomainEventType(rawValue: try row.string("type")) else { return nil }
            return StoredDomainEvent(
                sequence: try row.int("sequence"),
                event: DomainEvent(
                    id: try row.string("id"), workspaceID: try row.string("workspace_id"), type: type,
                    subjectID: try row.string("subject_id"), payload: try row.string("payload"),
                    occurredAt: try row.date("occurred_at")))
        }
    }
}
