import Foundation
import RapportCore
import SQLKit

struct SQLMergeRepository: MergeRepository {
    let handle: SQLConnectionHandle

    func insert(_ record: MergeRecord) async throws {
        try await handle.sql.raw("""
            INSERT INTO merges (id, workspace_id, survivor_id, merged_id, actor, reason, survivor_before, merged_before,
                                survivor_after, created_at)
            VALUES (\(bind: record.id), \(bind: record.workspaceID), \(bind: record.survivorID), \(bind: record.mergedID),
                    \(bind: record.actor), \(bind: record.reason), \(bind: try StoredJSON.encode(record.survivorBefore)),
                    \(bind: try StoredJSON.encode(record.mergedBefore)), \(bind: try StoredJSON.encode(record.survivorAfter)),
                    \(bind: Timestamp.microseconds(record.createdAt)))
            """).run()
    }

    func find(id: String, workspaceID: String) async throws -> MergeRecord? {
        try await handle.sql.raw("""
            SELECT * FROM merges WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)
            """).first().map(decode)
    }

    func merges(into survivorID: String, workspaceID: String) async throws -> [MergeRecord] {
        try await handle.sql.raw("""
            SELECT * FROM merges WHERE survivor_id = \(bind: survivorID) AND workspace_id = \(bind: workspaceID) ORDER BY id DESC
            """).all().map(decode)
    }

    func markUndone(id: String, at date: Date) async throws {
        try await handle.sql.raw("UPDATE merges SET undone_at = \(bind: Timestamp.microseconds(date)) WHERE id = \(bind: id)").run()
    }

    func suggest(_ suggestion: MergeSuggestion) async throws {
        try await handle.sql.raw("""
            INSERT INTO merge_suggestions (id, workspace_id, customer_id, candidate_id, identity_kind, identity_value, reason, created_at)
            VALUES (\(bind: suggestion.id), \(bind: suggestion.workspaceID), \(bind: suggestion.customerID),
                    \(bind: suggestion.candidateID), \(bind: suggestion.identityKind.rawValue), \(bind: suggestion.identityValue),
                    \(bind: suggestion.reason), \(bind: Timestamp.microseconds(suggestion.createdAt)))
            ON CONFLICT (workspace_id, customer_id, candidate_id) DO NOTHING
            """).run()
    }

    func suggestions(workspaceID: String, page: PageRequest) async throws -> Page<MergeSuggestion> {
        var query: SQLQueryString = "SELECT * FROM merge_suggestions WHERE workspace_id = \(bind: workspaceID)"
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(literal: page.limit + 1)"
        let rows = try await handle.sql.raw(query).all()
        let items = try rows.prefix(page.limit).map { row in
            MergeSuggestion(
                id: try row.string("id"), workspaceID: try row.string("workspace_id"),
                customerID: try row.string("customer_id"), candidateID: try row.string("candidate_id"),
                identityKind: IdentityKind(rawValue: try row.string("identity_kind")) ?? .anonymous,
                identityValue: try row.string("identity_value"), reason: try row.string("reason"),
                createdAt: try row.date("created_at"))
        }
        return Page(items: items, hasMore: rows.count > page.limit)
    }

    func resolveSuggestions(between first: String, and second: String, workspaceID: String) async throws {
        try await handle.sql.raw("""
            DELETE FROM merge_suggestions WHERE workspace_id = \(bind: workspaceID)
              AND ((customer_id = \(bind: first) AND candidate_id = \(bind: second))
                OR (customer_id = \(bind: second) AND candidate_id = \(bind: first)))
            """).run()
    }

    private func decode(_ row: any SQLRow) throws -> MergeRecord {
        MergeRecord(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"),
            survivorID: try row.string("survivor_id"), mergedID: try row.string("merged_id"),
            actor: try row.string("actor"), reason: try row.string("reason"),
            survivorBefore: try row.document("survivor_before", as: CustomerSnapshot.self),
            mergedBefore: try row.document("merged_before", as: CustomerSnapshot.self),
            survivorAfter: try row.document("survivor_after", as: CustomerProfile.self),
            createdAt: try row.date("created_at"), undoneAt: try row.optionalDate("undone_at"))
    }
}
