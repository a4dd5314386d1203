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
        let rows: [[SQLCell]] = interactions.map { interaction in
            [
                .text(interaction.id), .text(interaction.workspaceID), .text(interaction.customerID),
                .text(interaction.channel.rawValue), .text(interaction.direction.rawValue), .text(interaction.kind.rawValue),
                .text(interaction.summary), .integer(Timestamp.microseconds(interaction.occurredAt)),
                .text(interaction.payload.map(StoredJSON.json)),
                .integer(Timestamp.microseconds(interaction.createdAt)),
            ]
        }
        try await handle.dialect.bulkInsert(table: "interactions", columns: Self.columns, rows: rows, on: handle)
    }

    /// Touchpoints, tracked calls and the campaign messages that went to the customer together,
    /// newest first: each source gives its newest page from its own index and they are merged.
    func timeline(customerID: String, workspaceID: String, page: PageRequest) async throws -> Page<Interaction> {
        var after: SQLQueryString = ""
        var sentAfter: SQLQueryString = ""
        if let cursor = page.startingAfter {
            let (table, column) = cursor.hasPrefix(IDPrefix.trackedEvent.rawValue + "_") ? ("tracked_events", "occurred_at")
                : cursor.hasPrefix(IDPrefix.campaignSend.rawValue + "_") ? ("campaign_sends", "sent_at") : ("interactions", "occurred_at")
            let anchor = try await handle.sql.raw("""
                SELECT \(ident: column) AS occurred_at FROM \(ident: table) WHERE id = \(bind: cursor) AND customer_id = \(bind: customerID)
                """).first()
            guard let anchor, let time = try anchor.optionalDate("occurred_at").map(Timestamp.microseconds) else {
                throw RapportError.invalid(field: "starting_after", "\(cursor) is not an interaction of this customer")
            }
            after = " AND (occurred_at < \(bind: time) OR (occurred_at = \(bind: time) AND id < \(bind: cursor)))"
            sentAfter = " AND (s.sent_at < \(bind: time) OR (s.sent_at = \(bind: time) AND s.id < \(bind: cursor)))"
        }
        let limit = page.limit + 1
        var query: SQLQueryString = """
            SELECT * FROM (
              SELECT * FROM (SELECT id, workspace_id, customer_id, channel, direction, kind, summary, occurred_at, payload,
                  created_at
                FROM interactions WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            """
        query += after
        query += """
                 ORDER BY occurred_at DESC, id DESC LIMIT \(literal: limit)) a
              UNION ALL
              SELECT * FROM (SELECT id, workspace_id, customer_id, 'web' AS channel, 'inbound' AS direction,
                  type AS kind, name AS summary, occurred_at, properties AS payload, received_at AS created_at
                FROM tracked_events WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            """
        query += after
        query += """
                 ORDER BY occurred_at DESC, id DESC LIMIT \(literal: limit)) b
              UNION ALL
              SELECT * FROM (SELECT s.id, s.workspace_id, s.customer_id, k.channel, 'outbound' AS direction,
                  \(bind: InteractionKind.campaignMessage.rawValue) AS kind, k.name AS summary, s.sent_at AS occurred_at, NULL AS payload,
                  s.sent_at AS created_at
                FROM campaign_sends s JOIN campaigns k ON k.id = s.campaign_id
                WHERE s.customer_id = \(bind: customerID) AND s.workspace_id = \(bind: workspaceID) AND s.sent_at IS NOT NULL
            """
        query += sentAfter
        query += """
                 ORDER BY s.sent_at DESC, s.id DESC LIMIT \(literal: limit)) c
            ) t ORDER BY occurred_at DESC, id DESC LIMIT \(literal: limit)
            """
        let rows = try await handle.sql.raw(query).all()
        let items = try rows.prefix(page.limit).map(decode)
        return Page(items: items, hasMore: rows.count > page.limit)
    }

    /// The tables whose rows belong to a customer and follow it through merges and unmerges.
    private static let ownedTables = ["interactions", "tracked_events", "orders", "returns", "conversations", "consent_entries", "tasks", "loyalty_entries", "loyalty_reward_codes", "surveys", "form_responses", "deals", "meetings", "leads", "alerts"]

    func moveAll(from fromCustomerID: String, to toCustomerID: String, mergeID: String, workspaceID: String) async throws {
        for table in Self.ownedTables {
            try await handle.sql.raw("""
                INSERT INTO merge_moves (merge_id, interaction_id)
                SELECT \(bind: mergeID), id FROM \(ident: table)
                WHERE customer_id = \(bind: fromCustomerID) AND workspace_id = \(bind: workspaceID)
                """).run()
            try await handle.sql.raw("""
                UPDATE \(ident: table) SET customer_id = \(bind: toCustomerID)
                WHERE customer_id = \(bind: fromCustomerID) AND workspace_id = \(bind: workspaceID)
                """).run()
        }
        // Campaign messages follow too, so the frequency cap, attribution and the timeline see
        // them; except where the survivor got the same campaign (one send per campaign,
        // customer and occurrence: a journey's step sends once per entry and visit), whose row
        // stays with the merged-away profile.
        try await handle.sql.raw("""
            INSERT INTO merge_moves (merge_id, interaction_id)
            SELECT \(bind: mergeID), s.id FROM campaign_sends s
            WHERE s.customer_id = \(bind: fromCustomerID) AND s.workspace_id = \(bind: workspaceID)
              AND NOT EXISTS (SELECT 1 FROM campaign_sends t WHERE t.campaign_id = s.campaign_id AND t.customer_id = \(bind: toCustomerID)
                AND t.occurrence = s.occurrence)
            """).run()
        try await handle.sql.raw("""
            UPDATE campaign_sends SET customer_id = \(bind: toCustomerID)
            WHERE customer_id = \(bind: fromCustomerID) AND workspace_id = \(bind: workspaceID)
              AND id IN (SELECT interaction_id FROM merge_moves WHERE merge_id = \(bind: mergeID))
            """).run()
        // Reviews follow too, except one of a product the survivor reviewed as well (one review
        // per customer and product), which stays with the merged-away profile.
        try await handle.sql.raw("""
            INSERT INTO merge_moves (merge_id, interaction_id)
            SELECT \(bind: mergeID), r.id FROM reviews r
            WHERE r.customer_id = \(bind: fromCustomerID) AND r.workspace_id = \(bind: workspaceID)
              AND NOT EXISTS (SELECT 1 FROM reviews t WHERE t.workspace_id = r.workspace_id AND t.product_id = r.product_id
                AND t.customer_id = \(bind: toCustomerID))
            """).run()
        try await handle.sql.raw("""
            UPDATE reviews SET customer_id = \(bind: toCustomerID)
            WHERE customer_id = \(bind: fromCustomerID) AND workspace_id = \(bind: workspaceID)
              AND id IN (SELECT interaction_id FROM merge_moves WHERE merge_id = \(bind: mergeID))
            """).run()
        // Places at companies follow too, except at a company the survivor is at already (one
        // place a person and company), which stays with the merged-away profile. The move is
        // remembered by company, as `company_people:{company}`.
        try await handle.sql.raw("""
            INSERT INTO merge_moves (merge_id, interaction_id)
            SELECT \(bind: mergeID), 'company_people:' || p.company_id FROM company_people p
            WHERE p.customer_id = \(bind: fromCustomerID) AND p.workspace_id = \(bind: workspaceID)
              AND NOT EXISTS (SELECT 1 FROM company_people t WHERE t.company_id = p.company_id AND t.customer_id = \(bind: toCustomerID))
            """).run()
        try await handle.sql.raw("""
            UPDATE company_people SET customer_id = \(bind: toCustomerID)
            WHERE customer_id = \(bind: fromCustomerID) AND workspace_id = \(bind: workspaceID)
              AND 'company_people:' || company_id IN (SELECT interaction_id FROM merge_moves WHERE merge_id = \(bind: mergeID))
            """).run()
        // The points orders still hold follow their orders (the orders' ids are recorded above).
        try await handle.sql.raw("""
            UPDATE loyalty_holds SET customer_id = \(bind: toCustomerID)
            WHERE customer_id = \(bind: fromCustomerID) AND workspace_id = \(bind: workspaceID)
            """).run()
    }

    func rememberMove(of rowID: String, underMerge mergeID: String) async throws {
        try await handle.sql.raw("INSERT INTO merge_moves (merge_id, interaction_id) VALUES (\(bind: mergeID), \(bind: rowID))").run()
    }

    func moveBack(mergeID: String, to customerID: String, workspaceID: String) async throws {
        for table in Self.ownedTables + ["campaign_sends", "reviews"] {
            try await handle.sql.raw("""
                UPDATE \(ident: table) SET customer_id = \(bind: customerID)
                WHERE workspace_id = \(bind: workspaceID)
                  AND id IN (SELECT interaction_id FROM merge_moves WHERE merge_id = \(bind: mergeID))
                """).run()
        }
        try await handle.sql.raw("""
            UPDATE company_people SET customer_id = \(bind: customerID)
            WHERE workspace_id = \(bind: workspaceID) AND customer_id = (SELECT survivor_id FROM merges WHERE id = \(bind: mergeID))
              AND 'company_people:' || company_id IN (SELECT interaction_id FROM merge_moves WHERE merge_id = \(bind: mergeID))
            """).run()
        // An order's points follow the order back, those written since the merge too; its hold
        // (keyed by the order's id) with it.
        for table in ["loyalty_entries", "loyalty_holds"] {
            let orderColumn = table == "loyalty_holds" ? "id" : "order_id"
            try await handle.sql.raw("""
                UPDATE \(ident: table) SET customer_id = \(bind: customerID)
                WHERE workspace_id = \(bind: workspaceID)
                  AND \(ident: orderColumn) IN (SELECT interaction_id FROM merge_moves WHERE merge_id = \(bind: mergeID))
                """).run()
        }
        // A review's points follow the review back, those written since the merge too (it was
        // published or taken down meanwhile).
        for suffix in [":earned", ":reversed"] {
            try await handle.sql.raw("""
                UPDATE loyalty_entries SET customer_id = \(bind: customerID)
                WHERE workspace_id = \(bind: workspaceID)
                  AND origin IN (SELECT 'review:' || interaction_id || \(bind: suffix) FROM merge_moves WHERE merge_id = \(bind: mergeID))
                """).run()
        }
    }

    private func decode(_ row: any SQLRow) throws -> Interaction {
        Interaction(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"),
            customerID: try row.string("customer_id"),
            channel: InteractionChannel(rawValue: try row.string("channel")) ?? .web,
            direction: InteractionDirection(rawValue: try row.string("direction")) ?? .internal,
            kind: InteractionKind(rawValue: try row.string("kind")), summary: try row.optionalString("summary"),
            occurredAt: try row.date("occurred_at"),
            payload: try row.optionalString("payload").map { try StoredJSON.decode(JSONValue.self, from: $0) },
            createdAt: try row.date("created_at"))
    }
}
