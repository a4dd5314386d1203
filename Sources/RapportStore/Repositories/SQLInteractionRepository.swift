import Foundation
import RapportCore
import SQLKit

struct SQLInteractionRepository: InteractionRepository {
    let handle: SQLConnectionHandle

    private static let columns = [
        "id", "workspace_id", "customer_id", "channel", "direction", "kind", "summary", "occurred_at", "payload",
        "created_at",
    ]

    func insert(_ interactions: [Interaction]) async throws {
        let rows: [[SQLCell]] = try interactions.map { interaction in
            [
                .text(interaction.id), .text(interaction.workspaceID), .text(interaction.customerID),
                .text(interaction.channel.rawValue), .text(interaction.direction.rawValue), .text(interaction.kind),
                .text(interaction.summary), .integer(Timestamp.microseconds(interaction.occurredAt)),
                .text(try interaction.payload.map(StoredJSON.encode)),
                .integer(Timestamp.microseconds(interaction.createdAt)),
            ]
        }
        try await handle.dialect.bulkInsert(table: "interactions", columns: Self.columns, rows: rows, on: handle)
    }

    func timeline(customerID: String, workspaceID: String, page: PageRequest) async throws -> Page<Interaction> {
        var query: SQLQueryString = """
            SELECT * FROM interactions WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            """
        if let cursor = page.startingAfter {
            let anchor = try await handle.sql.raw("""
                SELECT occurred_at FROM interactions WHERE id = \(bind: cursor) AND customer_id = \(bind: customerID)
                """).first()
            guard let anchor else {
                throw RapportError.invalid(field: "starting_after", "\(cursor) is not an interaction of this customer")
            }
            let time = try anchor.int("occurred_at")
            query += " AND (occurred_at < \(bind: time) OR (occurred_at = \(bind: time) AND id < \(bind: cursor)))"
        }
        query += " ORDER BY occurred_at DESC, id DESC LIMIT \(literal: page.limit + 1)"
        let rows = try await handle.sql.raw(query).all()
        let items = try rows.prefix(page.limit).map(decode)
        return Page(items: items, hasMore: rows.count > page.limit)
    }

    func moveAll(from fromCustomerID: String, to toCustomerID: String, mergeID: String, workspaceID: String) async throws {
        try await handle.sql.raw("""
            INSERT INTO merge_moves (merge_id, interaction_id)
            SELECT \(bind: mergeID), id FROM interactions WHERE customer_id = \(bind: fromCustomerID) AND workspace_id = \(bind: workspaceID)
            """).run()
        try await handle.sql.raw("""
            UPDATE interactions SET customer_id = \(bind: toCustomerID)
            WHERE customer_id = \(bind: fromCustomerID) AND workspace_id = \(bind: workspaceID)
            """).run()
    }

    func moveBack(mergeID: String, to customerID: String, workspaceID: String) async throws {
        try await handle.sql.raw("""
            UPDATE interactions SET customer_id = \(bind: customerID)
            WHERE workspace_id = \(bind: workspaceID)
              AND id IN (SELECT interaction_id FROM merge_moves WHERE merge_id = \(bind: mergeID))
            """).run()
    }

    private func decode(_ row: any SQLRow) throws -> Interaction {
        Interaction(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"),
            customerID: try row.string("customer_id"),
            channel: InteractionChannel(rawValue: try row.string("channel")) ?? .web,
            direction: InteractionDirection(rawValue: try row.string("direction")) ?? .internal,
            kind: try row.string("kind"), summary: try row.optionalString("summary"),
            occurredAt: try row.date("occurred_at"),
            payload: try row.optionalString("payload").map { try StoredJSON.decode(JSONValue.self, from: $0) },
            createdAt: try row.date("created_at"))
    }
}
