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
        for start in stride(from: 0, to: messageIDs.count, by: 500) {
            let chunk = Array(messageIDs[start..<min(messageIDs.count, start + 500)])
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

    func stitch(anonymousID: String, to customerID: String, workspaceID: String) async throws -> Int {
        let rows = try await handle.sql.raw("""
            UPDATE tracked_events SET customer_id = \(bind: customerID)
            WHERE workspace_id = \(bind: workspaceID) AND anonymous_id = \(bind: anonymousID) AND customer_id IS NULL
            RETURNING id
            """).all()
        return rows.count
    }
}
