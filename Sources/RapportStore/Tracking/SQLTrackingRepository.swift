import Foundation
import RapportCore
import SQLKit

struct SQLTrackingRepository: TrackingRepository {
    let handle: SQLConnectionHandle

    private static let columns = [
        "id", "workspace_id", "message_id", "type", "name", "anonymous_id", "user_id", "customer_id", "product_ref",
        "properties", "context", "occurred_at", "received_at",
    ]

    func storedMessageIDs(_ messageIDs: [String], workspaceID: String) async throws -> Set<String> {
        var stored = Set<String>()
        for chunk in messageIDs.slices(of: 500) {
            let rows = try await handle.sql.raw("""
                SELECT message_id FROM tracked_events WHERE workspace_id = \(bind: workspaceID) AND message_id IN (\(binds: chunk))
                """).all()
            for row in rows { stored.insert(try row.string("message_id")) }
        }
        return stored
    }

    func insert(_ events: [TrackedEvent]) async throws {
        let rows: [[SQLCell]] = events.map { event in
            [
                .text(event.id), .text(event.workspaceID), .text(event.messageID), .text(event.type.rawValue),
                .text(event.name), .text(event.anonymousID), .text(event.userID), .text(event.customerID),
                .text(event.productRef), .text(event.properties), .text(event.context),
                .integer(Timestamp.microseconds(event.occurredAt)), .integer(Timestamp.microseconds(event.receivedAt)),
            ]
        }
        try await handle.dialect.bulkInsert(table: "tracked_events", columns: Self.columns, rows: rows, on: handle)
    }

    func stitch(_ customers: [String: String], workspaceID: String) async throws -> Int {
        var moved = 0
        let pairs = customers.sorted { $0.key < $1.key }
        for chunk in pairs.slices(of: 200) {
            var query: SQLQueryString = "UPDATE tracked_events SET customer_id = CASE anonymous_id"
            for (anonymousID, customerID) in chunk { query += " WHEN \(bind: anonymousID) THEN \(bind: customerID)" }
            query += """
                 END WHERE workspace_id = \(bind: workspaceID) AND customer_id IS NULL
                  AND anonymous_id IN (\(binds: chunk.map(\.key))) RETURNING id
                """
            moved += try await handle.sql.raw(query).all().count
        }
        return moved
    }
}
