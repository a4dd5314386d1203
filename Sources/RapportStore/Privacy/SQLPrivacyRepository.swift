import Foundation
import RapportCore
import SQLKit

/// Every row that names a customer, for their export and their erasure. The tables are listed
/// once, in `PersonalDataMap`: what links each to a customer, and the tables that hold no
/// customer's data, with why. A test checks that every table of the schema is in one list.
struct SQLPrivacyRepository: PrivacyRepository {
    let handle: SQLConnectionHandle

    /// Rows read per query while exporting a large table.
    static let exportPage = 1_000

    func mergedAwayIDs(into customerID: String, workspaceID: String) async throws -> [String] {
        var found: [String] = []
        var seen: Set<String> = [customerID]
        var frontier = [customerID]
        while !frontier.isEmpty {
            let rows = try await handle.sql.raw("""
                SELECT id FROM customers WHERE workspace_id = \(bind: workspaceID) AND merged_into_id IN (\(binds: frontier)) ORDER BY id
                """).all()
            frontier = try rows.map { try $0.string("id") }.filter { seen.insert($0).inserted }
            found += frontier
        }
        return found
    }

    func personalData(customerIDs: [String], workspaceID: String) async throws -> [PersonalDataTable] {
        let scope = try await PersonalDataScope.load(customerIDs: customerIDs, workspaceID: workspaceID, on: handle)
        let catalog = ColumnCatalog(handle: handle)
        var tables: [PersonalDataTable] = []
        for link in PersonalDataMap.exported {
            let columns = try await catalog.columns(of: link.table)
            var rows: [[JSONValue]] = []
            var after: (any Encodable & Sendable)?
            while true {
                var query: SQLQueryString = "SELECT *, \(unsafeRaw: link.key) AS export_key FROM \(unsafeRaw: link.table) WHERE "
                query += link.condition(scope)
                if let after { query += " AND \(unsafeRaw: link.key) > \(bind: after)" }
                query += " ORDER BY \(unsafeRaw: link.key) LIMIT \(literal: Self.exportPage)"
                let page = try await handle.sql.raw(query).all()
                rows += try page.map { row in try columns.map { try $0.value(in: row) } }
                guard page.count == Self.exportPage, let last = page.last else { break }
                after = try link.keyValue(last)
            }
            tables.append(PersonalDataTable(name: link.table, columns: columns.map(\.name), rows: rows))
        }
        return tables
    }

    func erase(customerIDs ids: [String], placeholderID: String?, workspaceID: String, at date: Date) async throws -> [String: Int] {
        let scope = try await PersonalDataScope.load(customerIDs: ids, workspaceID: workspaceID, on: handle)
        let now = Timestamp.microseconds(date)
        var counts: [String: Int] = [:]
        func count(_ table: String, _ query: SQLQueryString) async throws {
            let rows = try await handle.sql.raw(query + " RETURNING 1 AS touched").all()
            if !rows.isEmpty { counts[table, default: 0] += rows.count }
        }
        // Behaviour recorded before they were known, under their anonymous or app ids.
        try await count("tracked_events", """
            DELETE FROM tracked_events WHERE workspace_id = \(bind: workspaceID)
              AND (customer_id IN (\(binds: ids)) OR anonymous_id IN (\(binds: scope.anonymousIDs.orNone))
                   OR user_id IN (\(binds: scope.appUserIDs.orNone)))
            """)

        // Merges: the before and after snapshots hold whole profiles.
        let merges: SQLQueryString = "SELECT id FROM merges WHERE workspace_id = \(bind: workspaceID) AND (survivor_id IN (\(binds: ids)) OR merged_id IN (\(binds: ids)))"
        try await count("merge_moves", "DELETE FROM merge_moves WHERE merge_id IN (" + merges + ")")
        try await count("merges", "DELETE FROM merges WHERE workspace_id = \(bind: workspaceID) AND (survivor_id IN (\(binds: ids)) OR merged_id IN (\(binds: ids)))")
        try await count("merge_suggestions", """
            DELETE FROM merge_suggestions WHERE workspace_id = \(bind: workspaceID)
              AND (customer_id IN (\(binds: ids)) OR candidate_id IN (\(binds: ids)))
            """)

        // Sign-ups of their addresses, confirmed or not (the confirmed ones' evidence is in the
        // consent history, which goes with them).
        try await count("sign_ups", """
            DELETE FROM sign_ups WHERE workspace_id = \(bind: workspaceID)
              AND (customer_id IN (\(binds: ids)) OR address IN (\(binds: scope.addresses.orNone)))
            """)

        // Answers to forms: theirs, and any with their address typed in (whoever typed it).
        try await count("form_responses", """
            DELETE FROM form_responses WHERE workspace_id = \(bind: workspaceID)
              AND (customer_id IN (\(binds: ids)) OR email IN (\(binds: scope.addresses.orNone)))
            """)

        // Orders stay for the books, on an erased record, with the person taken out.
        if let placeholderID {
            try await handle.sql.raw("""
                INSERT INTO customers (id, workspace_id, addresses, tags, attributes, search_document, created_at, updated_at, deleted_at, erased_at)
                VALUES (\(bind: placeholderID), \(bind: workspaceID), '[]', '[]', '{}', '', \(bind: now), \(bind: now), \(bind: now), \(bind: now))
                """).run()
            try await count("orders", """
                UPDATE orders SET customer_id = \(bind: placeholderID), email = NULL, shipping_address = NULL, updated_at = \(bind: now)
                WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: ids))
                """)
            try await count("returns", """
                UPDATE returns SET customer_id = \(bind: placeholderID) WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: ids))
                """)
        }
        // Their places among meetings' attendees, by profile or by an address of theirs.
        try await count("meeting_attendees", """
            DELETE FROM meeting_attendees WHERE workspace_id = \(bind: workspaceID)
              AND (customer_id IN (\(binds: ids)) OR email IN (\(binds: scope.addresses.orNone)))
            """)
        // Deals stay in their pipelines (the team's sales history and totals), without the person
        // and the notes about them (the next step, why it was won or lost).
        try await count("deals", """
            UPDATE deals SET customer_id = NULL, next_step = NULL, close_reason = NULL
            WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: ids))
            """)

        // The audit log keeps that something happened, not to whom.
        try await count("audit_entries", """
            UPDATE audit_entries SET subject_id = NULL
            WHERE workspace_id = \(bind: workspaceID) AND subject_type = 'customer' AND subject_id IN (\(binds: ids))
            """)

        // The records themselves; their identities, touchpoints, consent history,
        // conversations and messages, scores and (unless kept above) orders go with them.
        for table in PersonalDataMap.cascading {
            let rows = try await handle.sql.raw("""
                SELECT COUNT(*) AS n FROM \(unsafeRaw: table.table) WHERE \(table.condition(scope))
                """).first().map { try $0.int("n") } ?? 0
            if rows > 0 { counts[table.table, default: 0] += Int(rows) }
        }
        try await count("customers", "DELETE FROM customers WHERE workspace_id = \(bind: workspaceID) AND id IN (\(binds: ids))")
        // The wording only they referenced (a text sent for them alone may name them).
        if !scope.textHashes.isEmpty {
            try await count("consent_texts", """
                DELETE FROM consent_texts WHERE workspace_id = \(bind: workspaceID) AND hash IN (\(binds: scope.textHashes))
                  AND NOT EXISTS (SELECT 1 FROM consent_entries e WHERE e.workspace_id = consent_texts.workspace_id AND e.text_hash = consent_texts.hash)
                  AND NOT EXISTS (SELECT 1 FROM sign_ups s WHERE s.workspace_id = consent_texts.workspace_id AND s.text_hash = consent_texts.hash)
                """)
        }

        // Last, what merely mentions them (so a write that committed meanwhile is covered too):
        // events become empty shells, kept in sequence for the dispatcher; cached answers and
        // their records' queued work go; errors that name their addresses are blanked.
        try await count("domain_events", """
            UPDATE domain_events SET payload = '{"erased":true}',
              subject_id = CASE WHEN subject_id IN (\(binds: ids)) THEN 'erased' ELSE subject_id END
            WHERE workspace_id = \(bind: workspaceID)
              AND (subject_id IN (\(binds: ids)) OR \(scope.dialect.containsAny(scope.tokens, column: "payload", quoted: true)))
            """)
        try await count("idempotency_keys", """
            DELETE FROM idempotency_keys WHERE workspace_id = \(bind: workspaceID)
              AND (\(scope.dialect.containsAny(scope.tokens, column: "body", quoted: true)) OR \(scope.dialect.containsAny(scope.tokens, column: "headers")))
            """)
        try await count("jobs", """
            DELETE FROM jobs WHERE \(scope.dialect.containsAny(scope.ids + scope.conversationIDs + scope.messageIDs, column: "payload", quoted: true))
            """)
        try await count("jobs", "UPDATE jobs SET last_error = NULL WHERE \(scope.dialect.containsAny(scope.addresses, column: "last_error"))")

        for id in ids + (placeholderID.map { [$0] } ?? []) {
            try await handle.sql.raw("""
                INSERT INTO erased_subjects (workspace_id, digest, erased_at)
                VALUES (\(bind: workspaceID), \(bind: SubjectDigest.of(id, workspaceID: workspaceID)), \(bind: now))
                ON CONFLICT (workspace_id, digest) DO NOTHING
                """).run()
        }
        for statement in handle.dialect.afterErasure {
            try await handle.sql.raw(SQLQueryString(statement)).run()
        }
        return counts
    }

    func erasedAt(customerID: String, workspaceID: String) async throws -> Date? {
        try await handle.sql.raw("""
            SELECT erased_at FROM erased_subjects
            WHERE workspace_id = \(bind: workspaceID) AND digest = \(bind: SubjectDigest.of(customerID, workspaceID: workspaceID))
            """).first().map { try $0.date("erased_at") }
    }
}

extension Array where Element == String {
    /// The list, or one value no column holds, so `IN (…)` stays valid when it is empty.
    var orNone: [String] { isEmpty ? ["\u{1}"] : self }
}
