import Foundation
import RapportCore
import SQLKit

struct SQLWorkTaskRepository: WorkTaskRepository {
    let handle: SQLConnectionHandle

    func insert(_ tasks: [WorkTask]) async throws -> Int {
        var added = 0
        // 21 values a row: 500 rows stay well below either engine's limit on bound values (32,766 and 65,535).
        for start in stride(from: 0, to: tasks.count, by: 500) {
            var query: SQLQueryString = """
                INSERT INTO tasks (id, workspace_id, kind, title, status, due_at, owner_id, team_id, customer_id, journey_id, origin,
                  created_by, created_at, updated_at, completed_at, completed_by, deal_id, lead_id, company_id, remind_at, next_alert_at) VALUES
                """
            for (index, task) in tasks[start..<min(start + 500, tasks.count)].enumerated() {
                query += """
                    \(unsafeRaw: index == 0 ? "" : ", ")(\(bind: task.id), \(bind: task.workspaceID), \(bind: task.kind.rawValue), \(bind: task.title),
                      \(bind: task.status.rawValue), \(bind: task.dueAt.map(Timestamp.microseconds)), \(bind: task.ownerID), \(bind: task.teamID),
                      \(bind: task.customerID), \(bind: task.journeyID), \(bind: task.origin), \(bind: task.createdBy),
                      \(bind: Timestamp.microseconds(task.createdAt)), \(bind: Timestamp.microseconds(task.updatedAt)),
                      \(bind: task.completedAt.map(Timestamp.microseconds)), \(bind: task.completedBy), \(bind: task.dealID), \(bind: task.leadID),
                      \(bind: task.companyID), \(bind: task.remindAt.map(Timestamp.microseconds)), \(bind: task.firstAlertAt.map(Timestamp.microseconds)))
                    """
            }
            query += " ON CONFLICT (origin) DO NOTHING RETURNING id"
            added += try await handle.sql.raw(query).all().count
        }
        return added
    }

    func update(_ task: WorkTask) async throws {
        try await handle.sql.raw("""
            UPDATE tasks SET kind = \(bind: task.kind.rawValue), title = \(bind: task.title), status = \(bind: task.status.rawValue),
              due_at = \(bind: task.dueAt.map(Timestamp.microseconds)), owner_id = \(bind: task.ownerID), team_id = \(bind: task.teamID),
              customer_id = \(bind: task.customerID), updated_at = \(bind: Timestamp.microseconds(task.updatedAt)),
              completed_at = \(bind: task.completedAt.map(Timestamp.microseconds)), completed_by = \(bind: task.completedBy),
              deal_id = \(bind: task.dealID), lead_id = \(bind: task.leadID), company_id = \(bind: task.companyID),
              remind_at = \(bind: task.remindAt.map(Timestamp.microseconds)), next_alert_at = \(bind: task.firstAlertAt.map(Timestamp.microseconds))
            WHERE id = \(bind: task.id) AND workspace_id = \(bind: task.workspaceID)
            """).run()
    }

    func releaseOpen(ownerID: String, workspaceID: String, at date: Date) async throws -> Int {
        try await handle.sql.raw("""
            UPDATE tasks SET owner_id = NULL, updated_at = \(bind: Timestamp.microseconds(date))
            WHERE owner_id = \(bind: ownerID) AND workspace_id = \(bind: workspaceID) AND status = \(bind: WorkTaskStatus.open.rawValue) RETURNING id
            """).all().count
    }

    func find(id: String, workspaceID: String) async throws -> WorkTask? {
        // Locked in a write (PostgreSQL), so two people changing one task take turns and neither change is lost.
        try await handle.sql.raw("""
            SELECT * FROM tasks t WHERE t.id = \(bind: id) AND t.workspace_id = \(bind: workspaceID)\(unsafeRaw: handle.dialect.lockForUpdate(of: "t", in: handle))
            """).first().flatMap(decode)
    }

    func completedCounts(workspaceID: String, since: Date, until: Date) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await handle.sql.raw("""
            SELECT completed_by, COUNT(*) AS n FROM tasks
            WHERE workspace_id = \(bind: workspaceID) AND completed_at >= \(bind: Timestamp.microseconds(since))
              AND completed_at <= \(bind: Timestamp.microseconds(until)) AND status = \(bind: WorkTaskStatus.done.rawValue) AND completed_by IS NOT NULL
            GROUP BY completed_by
            """).all() {
            counts[try row.string("completed_by")] = Int(try row.int("n"))
        }
        return counts
    }

    func openWithDueTimes(ownerID: String, workspaceID: String, since: Date, limit: Int) async throws -> [WorkTask] {
        try await handle.sql.raw("""
            SELECT * FROM tasks WHERE owner_id = \(bind: ownerID) AND workspace_id = \(bind: workspaceID) AND status = \(bind: WorkTaskStatus.open.rawValue)
              AND due_at >= \(bind: Timestamp.microseconds(since)) ORDER BY due_at LIMIT \(unsafeRaw: String(limit))
            """).all().compactMap(decode)
    }

    func alertsDue(at now: Date, limit: Int) async throws -> [WorkTask] {
        try await handle.sql.raw("""
            SELECT * FROM tasks WHERE next_alert_at IS NOT NULL AND next_alert_at <= \(bind: Timestamp.microseconds(now))
              AND status = \(bind: WorkTaskStatus.open.rawValue)
            ORDER BY next_alert_at, id LIMIT \(unsafeRaw: String(limit))\(unsafeRaw: handle.dialect.skipLockedRows)
            """).all().compactMap(decode)
    }

    func setNextAlert(at moment: Date?, taskID: String) async throws {
        try await handle.sql.raw("UPDATE tasks SET next_alert_at = \(bind: moment.map(Timestamp.microseconds)) WHERE id = \(bind: taskID)").run()
    }

    func list(workspaceID: String, filter: WorkTaskFilter, page: PageRequest) async throws -> Page<WorkTask> {
        var query: SQLQueryString = "SELECT * FROM tasks WHERE workspace_id = \(bind: workspaceID)"
        if let status = filter.status { query += " AND status = \(bind: status.rawValue)" }
        if let owner = filter.ownerID { query += " AND owner_id = \(bind: owner)" }
        if let team = filter.teamID { query += " AND team_id = \(bind: team)" }
        if let customer = filter.customerID { query += " AND customer_id = \(bind: customer)" }
        if let deal = filter.dealID { query += " AND deal_id = \(bind: deal)" }
        if let lead = filter.leadID { query += " AND lead_id = \(bind: lead)" }
        if let company = filter.companyID { query += " AND company_id = \(bind: company)" }
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decode), hasMore: rows.count > page.limit)
    }

    /// A task whose kind or status this build does not know (a newer one wrote it) is left out.
    private func decode(_ row: any SQLRow) throws -> WorkTask? {
        guard let kind = WorkTaskKind(rawValue: try row.string("kind")), let status = WorkTaskStatus(rawValue: try row.string("status")) else { return nil }
        return WorkTask(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), kind: kind, title: try row.string("title"), status: status,
            dueAt: try row.optionalDate("due_at"), ownerID: try row.optionalString("owner_id"), teamID: try row.optionalString("team_id"),
            customerID: try row.optionalString("customer_id"), journeyID: try row.optionalString("journey_id"),
            dealID: try row.optionalString("deal_id"), leadID: try row.optionalString("lead_id"), companyID: try row.optionalString("company_id"),
            remindAt: try row.optionalDate("remind_at"), origin: try row.optionalString("origin"),
            createdBy: try row.string("created_by"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            completedAt: try row.optionalDate("completed_at"), completedBy: try row.optionalString("completed_by"))
    }
}
