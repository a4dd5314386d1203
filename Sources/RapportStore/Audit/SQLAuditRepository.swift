import Foundation
import RapportCore
import SQLKit

struct SQLAuditRepository: AuditRepository {
    let handle: SQLConnectionHandle

    private static let columns = [
        "id", "workspace_id", "position", "occurred_at", "actor", "action", "subject_type", "subject_id", "subject_digest", "details",
        "ip_address", "previous_hash", "hash",
    ]

    func append(_ record: AuditRecord, actor: String, workspaceID: String, at date: Date) async throws -> AuditEntry {
        try await appendChained([(record, actor, date)], workspaceID: workspaceID)[0]
    }

    func append(_ records: [(record: AuditRecord, actor: String, at: Date)], workspaceID: String) async throws {
        guard !records.isEmpty else { return }
        _ = try await appendChained(records, workspaceID: workspaceID)
    }

    /// Locks the workspace's head, chains the records after it in order, inserts them in one
    /// statement and moves the head.
    private func appendChained(_ records: [(record: AuditRecord, actor: String, at: Date)], workspaceID: String) async throws -> [AuditEntry] {
        try await handle.sql.raw("""
            INSERT INTO audit_heads (workspace_id, position, hash) VALUES (\(bind: workspaceID), 0, '')
            ON CONFLICT (workspace_id) DO NOTHING
            """).run()
        let lock = handle.dialect.lockForUpdate(of: "audit_heads", in: handle)
        guard let head = try await handle.sql.raw("""
            SELECT position, hash FROM audit_heads WHERE workspace_id = \(bind: workspaceID)\(unsafeRaw: lock)
            """).first()
        else { throw RapportError.conflict("The audit log's head could not be read.") }
        // Customers erased already: an entry about one (a view recorded in a batch) names no one.
        let customerDigests = Set(records.compactMap { item in
            item.record.subject.flatMap { $0.kind == "customer" && $0.retainsID ? SubjectDigest.of($0.id, workspaceID: workspaceID) : nil }
        })
        let erased = customerDigests.isEmpty ? Set<String>() : Set(try await handle.sql.raw("""
            SELECT digest FROM erased_subjects WHERE workspace_id = \(bind: workspaceID) AND digest IN (\(binds: Array(customerDigests)))
            """).all().map { try $0.string("digest") })
        var position = try head.int("position")
        var previous = try head.string("hash")
        var entries: [AuditEntry] = []
        entries.reserveCapacity(records.count)
        let hasher = SHA256SecretHasher()
        for (record, actor, date) in records {
            let subject = record.subject
            let digest = subject.map { SubjectDigest.of($0.id, workspaceID: workspaceID) }
            let retainsID = (subject?.retainsID ?? false) && !(digest.map(erased.contains) ?? false)
            position += 1
            var entry = AuditEntry(
                id: ResourceID.make(.auditEntry, at: date), workspaceID: workspaceID, position: position, occurredAt: date,
                actor: actor, action: record.action.rawValue, subjectType: subject?.kind, subjectID: retainsID ? subject?.id : nil,
                subjectDigest: digest, details: record.details, ipAddress: record.ipAddress, previousHash: previous, hash: "")
            entry.hash = AuditChain.hash(of: entry, hasher: hasher)
            previous = entry.hash
            entries.append(entry)
        }
        let rows: [[SQLCell]] = entries.map { entry in
            [
                .text(entry.id), .text(workspaceID), .integer(entry.position), .integer(Timestamp.microseconds(entry.occurredAt)),
                .text(entry.actor), .text(entry.action), .text(entry.subjectType), .text(entry.subjectID), .text(entry.subjectDigest),
                .text(AuditEntry.detailsText(entry.details)), .text(entry.ipAddress), .text(entry.previousHash), .text(entry.hash),
            ]
        }
        try await handle.dialect.bulkInsert(table: "audit_entries", columns: Self.columns, rows: rows, on: handle)
        try await handle.sql.raw("""
            UPDATE audit_heads SET position = \(bind: position), hash = \(bind: previous) WHERE workspace_id = \(bind: workspaceID)
            """).run()
        return entries
    }

    func entries(workspaceID: String, filter: AuditFilter, page: PageRequest) async throws -> Page<AuditEntry> {
        var query: SQLQueryString = "SELECT * FROM audit_entries WHERE workspace_id = \(bind: workspaceID)"
        if let action = filter.action { query += " AND action = \(bind: action)" }
        if let actor = filter.actor { query += " AND actor = \(bind: actor)" }
        if let subject = filter.subjectID { query += " AND subject_digest = \(bind: SubjectDigest.of(subject, workspaceID: workspaceID))" }
        if let cursor = page.startingAfter.flatMap(Int64.init) { query += " AND position < \(bind: cursor)" }
        query += " ORDER BY position DESC LIMIT \(literal: page.limit + 1)"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).map(decode), hasMore: rows.count > page.limit)
    }

    func chain(workspaceID: String, after position: Int64, limit: Int) async throws -> [AuditEntry] {
        try await handle.sql.raw("""
            SELECT * FROM audit_entries WHERE workspace_id = \(bind: workspaceID) AND position > \(bind: position)
            ORDER BY position LIMIT \(literal: limit)
            """).all().map(decode)
    }

    func head(workspaceID: String) async throws -> AuditHead? {
        try await handle.sql.raw("SELECT * FROM audit_heads WHERE workspace_id = \(bind: workspaceID)").first().map { row in
            AuditHead(workspaceID: workspaceID, position: try row.int("position"), hash: try row.string("hash"))
        }
    }

    func chainedWorkspaceIDs() async throws -> [String] {
        try await handle.sql.raw("""
            SELECT workspace_id FROM audit_heads UNION SELECT workspace_id FROM audit_entries ORDER BY workspace_id
            """).all().map { try $0.string("workspace_id") }
    }

    func entries(aboutSubjects ids: [String], workspaceID: String) async throws -> [AuditEntry] {
        guard !ids.isEmpty else { return [] }
        let digests = ids.map { SubjectDigest.of($0, workspaceID: workspaceID) }
        return try await handle.sql.raw("""
            SELECT * FROM audit_entries WHERE workspace_id = \(bind: workspaceID) AND subject_digest IN (\(binds: digests))
            ORDER BY position
            """).all().map(decode)
    }

    private func decode(_ row: any SQLRow) throws -> AuditEntry {
        let details = (try? StoredJSON.decode([String: String].self, from: try row.string("details"))) ?? [:]
        return AuditEntry(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), position: try row.int("position"),
            occurredAt: try row.date("occurred_at"), actor: try row.string("actor"), action: try row.string("action"),
            subjectType: try row.optionalString("subject_type"), subjectID: try row.optionalString("subject_id"),
            subjectDigest: try row.optionalString("subject_digest"), details: details, ipAddress: try row.optionalString("ip_address"),
            previousHash: try row.string("previous_hash"), hash: try row.string("hash"))
    }
}
