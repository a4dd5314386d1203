import Foundation
import RapportCore
import SQLKit

struct SQLAlertRepository: AlertRepository {
    let handle: SQLConnectionHandle

    static let columns = [
        "id", "workspace_id", "user_id", "kind", "subject_type", "subject_id", "customer_id", "title", "origin", "due_at", "created_at", "read_at",
    ]

    func insert(_ alerts: [Alert]) async throws -> [Alert] {
        let rows: [[SQLCell]] = alerts.map { alert in
            [
                .text(alert.id), .text(alert.workspaceID), .text(alert.userID), .text(alert.kind.rawValue), .text(alert.kind.subjectType),
                .text(alert.subjectID), .text(alert.customerID), .text(alert.title), .text(alert.origin),
                .integer(alert.dueAt.map(Timestamp.microseconds)), .integer(Timestamp.microseconds(alert.createdAt)),
                .integer(alert.readAt.map(Timestamp.microseconds)),
            ]
        }
        let added = Set(try await handle.dialect.insert(
            table: "alerts", columns: Self.columns, rows: rows, suffix: "ON CONFLICT (user_id, origin) DO NOTHING RETURNING id", returned: "id", on: handle))
        return alerts.filter { added.contains($0.id) }
    }

    func alerts(workspaceID: String, userID: String, unreadOnly: Bool, page: PageRequest) async throws -> Page<Alert> {
        var query: SQLQueryString = "SELECT * FROM alerts WHERE workspace_id = \(bind: workspaceID) AND user_id = \(bind: userID)"
        if unreadOnly { query += " AND read_at IS NULL" }
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decode), hasMore: rows.count > page.limit)
    }

    func unreadCount(workspaceID: String, userID: String) async throws -> Int {
        Int(try await handle.sql.raw("""
            SELECT COUNT(*) AS n FROM alerts WHERE workspace_id = \(bind: workspaceID) AND user_id = \(bind: userID) AND read_at IS NULL
            """).first()?.int("n") ?? 0)
    }

    func alert(id: String, workspaceID: String, userID: String?) async throws -> Alert? {
        var query: SQLQueryString = "SELECT * FROM alerts WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)"
        if let userID { query += " AND user_id = \(bind: userID)" }
        return try await handle.sql.raw(query).first().flatMap(decode)
    }

    func setRead(id: String, workspaceID: String, at moment: Date?) async throws {
        try await handle.sql.raw("""
            UPDATE alerts SET read_at = \(bind: moment.map(Timestamp.microseconds)) WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)
            """).run()
    }

    func markReadAbout(subjectID: String, workspaceID: String, at moment: Date) async throws {
        try await handle.sql.raw("""
            UPDATE alerts SET read_at = \(bind: Timestamp.microseconds(moment))
            WHERE workspace_id = \(bind: workspaceID) AND subject_id = \(bind: subjectID) AND read_at IS NULL
            """).run()
    }

    func markAllRead(workspaceID: String, userID: String, at moment: Date) async throws -> Int {
        try await handle.sql.raw("""
            UPDATE alerts SET read_at = \(bind: Timestamp.microseconds(moment))
            WHERE workspace_id = \(bind: workspaceID) AND user_id = \(bind: userID) AND read_at IS NULL RETURNING id
            """).all().count
    }

    /// An alert of a kind this build does not know (a newer one wrote it) is left out.
    private func decode(_ row: any SQLRow) throws -> Alert? {
        guard let kind = AlertKind(rawValue: try row.string("kind")) else { return nil }
        return Alert(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), userID: try row.string("user_id"), kind: kind,
            subjectID: try row.string("subject_id"), customerID: try row.optionalString("customer_id"), title: try row.string("title"),
            origin: try row.string("origin"), dueAt: try row.optionalDate("due_at"), createdAt: try row.date("created_at"),
            readAt: try row.optionalDate("read_at"))
    }
}
