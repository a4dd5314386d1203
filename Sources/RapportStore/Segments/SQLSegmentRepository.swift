import Foundation
import RapportCore
import SQLKit

struct SQLSegmentRepository: SegmentRepository {
    let handle: SQLConnectionHandle
    /// Customers per evaluating statement.
    static let evaluationSlice = 500
    /// Definitions per evaluating statement: with at most 1,000 listed values each, a statement
    /// stays under SQLite's 32,766 parameters.
    static let definitionsPerStatement = 10

    private static let live: SQLQueryString = " AND c.deleted_at IS NULL AND c.merged_into_id IS NULL"

    /// Each write of a segment moves the workspace's revision first: every transaction that
    /// changes segments locks the workspace's row before any segment's, in one order.
    func insert(_ segment: Segment) async throws {
        try await moveRevision(workspaceID: segment.workspaceID)
        try await handle.sql.raw("""
            INSERT INTO segments (id, workspace_id, name, description, kind, definition, member_count, created_by, created_at, updated_at, built_at)
            VALUES (\(bind: segment.id), \(bind: segment.workspaceID), \(bind: segment.name), \(bind: segment.description),
              \(bind: segment.kind.rawValue), \(bind: segment.definition.map { $0.json.jsonText }), 0, \(bind: segment.createdBy),
              \(bind: Timestamp.microseconds(segment.createdAt)), \(bind: Timestamp.microseconds(segment.updatedAt)),
              \(bind: segment.builtAt.map(Timestamp.microseconds)))
            """).run()
    }

    func update(_ segment: Segment) async throws {
        try await moveRevision(workspaceID: segment.workspaceID)
        try await handle.sql.raw("""
            UPDATE segments SET name = \(bind: segment.name), description = \(bind: segment.description),
              definition = \(bind: segment.definition.map { $0.json.jsonText }), updated_at = \(bind: Timestamp.microseconds(segment.updatedAt))
            WHERE id = \(bind: segment.id) AND workspace_id = \(bind: segment.workspaceID)
            """).run()
    }

    func delete(id: String, workspaceID: String) async throws {
        try await moveRevision(workspaceID: workspaceID)
        try await handle.sql.raw("DELETE FROM segments WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").run()
    }

    func revision(workspaceID: String) async throws -> Int64 {
        try await handle.sql.raw("SELECT segments_revision FROM workspaces WHERE id = \(bind: workspaceID)").first()
            .map { try $0.int("segments_revision") } ?? 0
    }

    /// A new random revision, never the next number: a transaction that moved it and rolled
    /// back must not leave a process holding a plan under a revision that comes again.
    private func moveRevision(workspaceID: String) async throws {
        let revision = Int64.random(in: 1...Int64.max)
        try await handle.sql.raw("UPDATE workspaces SET segments_revision = \(bind: revision) WHERE id = \(bind: workspaceID)").run()
    }

    func find(id: String, workspaceID: String) async throws -> Segment? {
        try await handle.sql.raw("SELECT * FROM segments WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first().map(decode)
    }

    func all(workspaceID: String) async throws -> [Segment] {
        try await handle.sql.raw("SELECT * FROM segments WHERE workspace_id = \(bind: workspaceID) ORDER BY name, id").all().map(decode)
    }

    func workspacesWithSegments() async throws -> [String] {
        try await handle.sql.raw("SELECT DISTINCT workspace_id FROM segments WHERE kind = 'dynamic' ORDER BY workspace_id").all()
            .map { try $0.string("workspace_id") }
    }

    // MARK: Evaluation

    func count(_ definition: SegmentDefinition, scope: SegmentScope, sample: Int) async throws -> (count: Int, sample: [String]) {
        let matching = customers(meeting: definition, scope: scope)
        // A definition read from a driver holds few customers: one pass, the count riding on
        // each of the newest rows. Otherwise a count, then the newest rows read along the
        // customers' order until enough are found (no sort of everyone).
        if sample > 0, SegmentSQL(dialect: handle.dialect, scope: scope).driver(definition) != nil {
            let rows = try await handle.sql.raw(
                "SELECT c.id, COUNT(*) OVER () AS n " + matching + " ORDER BY c.id DESC LIMIT \(unsafeRaw: String(sample))").all()
            return (Int(try rows.first?.int("n") ?? 0), try rows.map { try $0.string("id") })
        }
        let count = try await handle.sql.raw("SELECT COUNT(*) AS n " + matching).first().map { try $0.int("n") } ?? 0
        let ids = sample > 0
            ? try await handle.sql.raw("SELECT c.id " + matching + " ORDER BY c.id DESC LIMIT \(unsafeRaw: String(sample))").all().map { try $0.string("id") }
            : []
        return (Int(count), ids)
    }

    func matching(_ definition: SegmentDefinition, scope: SegmentScope) async throws -> [String] {
        try await handle.sql.raw("SELECT c.id " + customers(meeting: definition, scope: scope)).all().map { try $0.string("id") }
    }

    /// `FROM customers c WHERE …`: the live customers of the scope's workspace who meet the
    /// definition, read from its driver's customers when it has one.
    private func customers(meeting definition: SegmentDefinition, scope: SegmentScope) -> SQLQueryString {
        let sql = SegmentSQL(dialect: handle.dialect, scope: scope)
        var from: SQLQueryString = "FROM customers c WHERE c.workspace_id = \(bind: scope.workspaceID)" + Self.live
        if let driver = sql.driver(definition) { from += " AND c.id IN (" + driver + ")" }
        return from + " AND " + sql.predicate(definition)
    }

    func evaluate(
        _ definitions: [(id: String, definition: SegmentDefinition)], customerIDs: [String], scope: SegmentScope
    ) async throws -> [SegmentVerdict] {
        guard !definitions.isEmpty, !customerIDs.isEmpty else { return [] }
        var verdicts: [SegmentVerdict] = []
        for group in definitions.slices(of: Self.definitionsPerStatement) {
            verdicts += try await evaluateTogether(group, customerIDs: customerIDs, scope: scope)
        }
        return verdicts
    }

    private func evaluateTogether(
        _ definitions: [(id: String, definition: SegmentDefinition)], customerIDs: [String], scope: SegmentScope
    ) async throws -> [SegmentVerdict] {
        let sql = SegmentSQL(dialect: handle.dialect, scope: scope)
        var columns: SQLQueryString = "c.id"
        for (index, item) in definitions.enumerated() {
            columns += ", CASE WHEN " + sql.predicate(item.definition) + " THEN 1 ELSE 0 END AS \(unsafeRaw: "m\(index)")"
            if let next = sql.nextChange(item.definition) { columns += ", " + next + " AS \(unsafeRaw: "n\(index)")" }
        }
        var found: [String: any SQLRow] = [:]
        for slice in customerIDs.slices(of: Self.evaluationSlice) {
            let rows = try await handle.sql.raw(
                "SELECT " + columns + " FROM customers c WHERE c.workspace_id = \(bind: scope.workspaceID) AND c.id IN (\(binds: Array(slice)))" + Self.live
            ).all()
            for row in rows { found[try row.string("id")] = row }
        }
        var verdicts: [SegmentVerdict] = []
        verdicts.reserveCapacity(definitions.count * customerIDs.count)
        for customerID in customerIDs {
            let row = found[customerID]
            for (index, item) in definitions.enumerated() {
                let isMember = try row.map { try $0.int("m\(index)") == 1 } ?? false
                let next = try row.flatMap { row in item.definition.dependsOnTime ? try row.optionalDate("n\(index)") : nil }
                verdicts.append(SegmentVerdict(segmentID: item.id, customerID: customerID, isMember: isMember, nextChange: next))
            }
        }
        return verdicts
    }

    func rebuild(_ segment: Segment, definition: SegmentDefinition, scope: SegmentScope) async throws -> (entered: [String], left: [String]) {
        let matching: SQLQueryString = "SELECT c.id " + customers(meeting: definition, scope: scope)
        let left = try await handle.sql.raw("""
            DELETE FROM segment_members WHERE segment_id = \(bind: segment.id) AND customer_id NOT IN (
            """ + matching + ") RETURNING customer_id").all().map { try $0.string("customer_id") }
        let entered = try await handle.sql.raw("""
            INSERT INTO segment_members (segment_id, customer_id, workspace_id, entered_at)
            SELECT \(bind: segment.id), c.id, \(bind: segment.workspaceID), \(bind: Timestamp.microseconds(scope.now))
            """ + " " + customers(meeting: definition, scope: scope) + """
             AND NOT EXISTS (SELECT 1 FROM segment_members m WHERE m.segment_id = \(bind: segment.id) AND m.customer_id = c.id)
            RETURNING customer_id
            """).all().map { try $0.string("customer_id") }
        try await handle.sql.raw("""
            UPDATE segments SET member_count = (SELECT COUNT(*) FROM segment_members WHERE segment_id = \(bind: segment.id)),
              built_at = \(bind: Timestamp.microseconds(scope.now))
            WHERE id = \(bind: segment.id)
            """).run()
        return (entered, left)
    }

    // MARK: Flips

    /// Writes only what differs from the flips already scheduled: a new event rarely moves a
    /// customer's next flip, and reading the pairs costs less than rewriting them.
    func reschedule(segmentIDs: [String], customerIDs: [String], workspaceID: String, due: [SegmentFlip]) async throws {
        guard !segmentIDs.isEmpty, !customerIDs.isEmpty else { return }
        let wanted = Dictionary(
            due.map { (SegmentMembership(segmentID: $0.segmentID, customerID: $0.customerID), Timestamp.microseconds($0.dueAt)) },
            uniquingKeysWith: { _, last in last })
        var stale: [SegmentMembership] = []
        var unchanged = Set<SegmentMembership>()
        for slice in customerIDs.slices(of: Self.evaluationSlice) {
            for row in try await handle.sql.raw("""
                SELECT segment_id, customer_id, due_at FROM segment_flips
                WHERE segment_id IN (\(binds: segmentIDs)) AND customer_id IN (\(binds: Array(slice)))\(unsafeRaw: handle.dialect.lockForUpdate(of: "segment_flips", in: handle))
                """).all() {
                let pair = SegmentMembership(segmentID: try row.string("segment_id"), customerID: try row.string("customer_id"))
                guard let dueAt = wanted[pair] else {
                    stale.append(pair)
                    continue
                }
                if dueAt == (try row.int("due_at")) { unchanged.insert(pair) }
            }
        }
        for (segmentID, pairs) in Dictionary(grouping: stale, by: \.segmentID) {
            for slice in pairs.slices(of: Self.evaluationSlice) {
                try await handle.sql.raw(
                    "DELETE FROM segment_flips WHERE segment_id = \(bind: segmentID) AND customer_id IN (\(binds: slice.map(\.customerID)))"
                ).run()
            }
        }
        // One row per pair (PostgreSQL refuses an upsert naming a row twice), in a stable order.
        let changed = wanted.filter { !unchanged.contains($0.key) }
            .sorted { ($0.key.segmentID, $0.key.customerID) < ($1.key.segmentID, $1.key.customerID) }
        for slice in changed.slices(of: Self.evaluationSlice) {
            var insert: SQLQueryString = "INSERT INTO segment_flips (segment_id, customer_id, workspace_id, due_at) VALUES "
            for (index, flip) in slice.enumerated() {
                if index > 0 { insert += ", " }
                insert += "(\(bind: flip.key.segmentID), \(bind: flip.key.customerID), \(bind: workspaceID), \(bind: flip.value))"
            }
            // A concurrent transaction about the same customer may have scheduled it meanwhile.
            insert += " ON CONFLICT (segment_id, customer_id) DO UPDATE SET due_at = excluded.due_at"
            try await handle.sql.raw(insert).run()
        }
    }

    func scheduleAllFlips(_ segment: Segment, definition: SegmentDefinition, scope: SegmentScope) async throws {
        try await handle.sql.raw("DELETE FROM segment_flips WHERE segment_id = \(bind: segment.id)").run()
        guard definition.dependsOnTime, let next = SegmentSQL(dialect: handle.dialect, scope: scope).nextChange(definition) else { return }
        try await handle.sql.raw("""
            INSERT INTO segment_flips (segment_id, customer_id, workspace_id, due_at)
            SELECT \(bind: segment.id), due.id, \(bind: segment.workspaceID), due.next FROM (
              SELECT c.id, 
            """ + next + " AS next FROM customers c WHERE c.workspace_id = \(bind: scope.workspaceID)" + Self.live + """
            ) due WHERE due.next IS NOT NULL
            """).run()
    }

    func dueFlips(at date: Date, limit: Int) async throws -> [SegmentFlip] {
        try await handle.sql.raw("""
            SELECT segment_id, customer_id, workspace_id, due_at FROM segment_flips WHERE due_at <= \(bind: Timestamp.microseconds(date))
            ORDER BY due_at LIMIT \(unsafeRaw: String(limit))\(unsafeRaw: handle.inTransaction ? handle.dialect.skipLockedRows : "")
            """).all().map { row in
            SegmentFlip(
                segmentID: try row.string("segment_id"), customerID: try row.string("customer_id"),
                workspaceID: try row.string("workspace_id"), dueAt: try row.date("due_at"))
        }
    }

    // MARK: Members

    func memberships(customerIDs: [String], segmentIDs: [String]) async throws -> Set<SegmentMembership> {
        guard !customerIDs.isEmpty, !segmentIDs.isEmpty else { return [] }
        var found = Set<SegmentMembership>()
        for slice in customerIDs.slices(of: Self.evaluationSlice) {
            for row in try await handle.sql.raw("""
                SELECT segment_id, customer_id FROM segment_members
                WHERE customer_id IN (\(binds: Array(slice))) AND segment_id IN (\(binds: segmentIDs))
                """).all() {
                found.insert(SegmentMembership(segmentID: try row.string("segment_id"), customerID: try row.string("customer_id")))
            }
        }
        return found
    }

    func segmentIDs(customerID: String) async throws -> [String] {
        try await handle.sql.raw("SELECT segment_id FROM segment_members WHERE customer_id = \(bind: customerID) ORDER BY segment_id").all()
            .map { try $0.string("segment_id") }
    }

    func add(_ customerIDs: [String], to segment: Segment, at date: Date) async throws -> [String] {
        var added: [String] = []
        // Only live customers of the segment's workspace, as they are when the row is written
        // (a customer deleted or merged since the caller looked is left out).
        for slice in customerIDs.slices(of: Self.evaluationSlice) {
            added += try await handle.sql.raw("""
                INSERT INTO segment_members (segment_id, customer_id, workspace_id, entered_at)
                SELECT \(bind: segment.id), c.id, \(bind: segment.workspaceID), \(bind: Timestamp.microseconds(date)) FROM customers c
                WHERE c.workspace_id = \(bind: segment.workspaceID) AND c.id IN (\(binds: Array(slice)))
                """ + Self.live + """

                ON CONFLICT (segment_id, customer_id) DO NOTHING RETURNING customer_id
                """).all().map { try $0.string("customer_id") }
        }
        try await adjustCount(segment.id, by: added.count)
        return added
    }

    func remove(_ customerIDs: [String], from segment: Segment) async throws -> [String] {
        var removed: [String] = []
        for slice in customerIDs.slices(of: Self.evaluationSlice) {
            removed += try await handle.sql.raw("""
                DELETE FROM segment_members WHERE segment_id = \(bind: segment.id) AND customer_id IN (\(binds: Array(slice))) RETURNING customer_id
                """).all().map { try $0.string("customer_id") }
        }
        try await adjustCount(segment.id, by: -removed.count)
        return removed
    }

    func leaveAll(customerIDs: [String], workspaceID: String) async throws {
        guard !customerIDs.isEmpty else { return }
        try await handle.sql.raw("""
            UPDATE segments SET member_count = member_count - (SELECT COUNT(*) FROM segment_members m
              WHERE m.segment_id = segments.id AND m.customer_id IN (\(binds: customerIDs)))
            WHERE workspace_id = \(bind: workspaceID)
              AND id IN (SELECT segment_id FROM segment_members WHERE customer_id IN (\(binds: customerIDs)))
            """).run()
        try await handle.sql.raw("DELETE FROM segment_members WHERE customer_id IN (\(binds: customerIDs))").run()
        try await handle.sql.raw("DELETE FROM segment_flips WHERE customer_id IN (\(binds: customerIDs))").run()
    }

    func members(segmentID: String, workspaceID: String, page: PageRequest) async throws -> Page<String> {
        var query: SQLQueryString = "SELECT customer_id FROM segment_members WHERE segment_id = \(bind: segmentID) AND workspace_id = \(bind: workspaceID)"
        if let after = page.startingAfter { query += " AND customer_id < \(bind: after)" }
        query += " ORDER BY customer_id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let ids = try await handle.sql.raw(query).all().map { try $0.string("customer_id") }
        return Page(items: Array(ids.prefix(page.limit)), hasMore: ids.count > page.limit)
    }

    func memberEntries(segmentID: String, workspaceID: String, after: String?, limit: Int) async throws -> [SegmentMemberEntry] {
        var query: SQLQueryString = """
            SELECT customer_id, entered_at FROM segment_members WHERE segment_id = \(bind: segmentID) AND workspace_id = \(bind: workspaceID)
            """
        if let after { query += " AND customer_id < \(bind: after)" }
        query += " ORDER BY customer_id DESC LIMIT \(unsafeRaw: String(max(limit, 0)))"
        return try await handle.sql.raw(query).all().map { row in
            SegmentMemberEntry(customerID: try row.string("customer_id"), enteredAt: try row.date("entered_at"))
        }
    }

    /// (`WHERE` keeps SQLite from reading `ON` as a join's.)
    func recordSizes(at date: Date) async throws {
        let day = Timestamp.microseconds(Calendar.utc.startOfDay(for: date))
        try await handle.sql.raw("""
            INSERT INTO segment_sizes (segment_id, day, members) SELECT id, \(bind: day), member_count FROM segments WHERE 1 = 1
            ON CONFLICT (segment_id, day) DO UPDATE SET members = excluded.members
            """).run()
    }

    func sizes(segmentID: String, since date: Date) async throws -> [(day: Date, members: Int)] {
        try await handle.sql.raw("""
            SELECT day, members FROM segment_sizes WHERE segment_id = \(bind: segmentID) AND day >= \(bind: Timestamp.microseconds(date)) ORDER BY day
            """).all().map { (try $0.date("day"), Int(try $0.int("members"))) }
    }

    private func adjustCount(_ segmentID: String, by delta: Int) async throws {
        guard delta != 0 else { return }
        try await handle.sql.raw("UPDATE segments SET member_count = member_count + \(bind: delta) WHERE id = \(bind: segmentID)").run()
    }

    private func decode(_ row: any SQLRow) throws -> Segment {
        let definition = try row.optionalString("definition").map(SegmentDefinitionCache.shared.definition)
        return Segment(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), name: try row.string("name"),
            description: try row.optionalString("description"), kind: SegmentKind(rawValue: try row.string("kind")) ?? .list,
            definition: definition, memberCount: Int(try row.int("member_count")), createdBy: try row.string("created_by"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"), builtAt: try row.optionalDate("built_at"))
    }
}
