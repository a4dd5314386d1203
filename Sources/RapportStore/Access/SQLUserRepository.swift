import Foundation
import RapportCore
import SQLKit

struct SQLUserRepository: UserRepository {
    let handle: SQLConnectionHandle

    func credentials(email: String) async throws -> [UserCredentials] {
        try await handle.sql.raw("SELECT * FROM users WHERE email = \(bind: email) ORDER BY id").all().compactMap { row in
            guard let user = try UserRow.decode(row) else { return nil }
            return UserCredentials(
                user: user, passwordHash: try row.optionalString("password_hash"),
                failedSignIns: Int(try row.int("failed_sign_ins")), lockedUntil: try row.optionalDate("locked_until"))
        }
    }

    func setPassword(hash: String, userID: String) async throws {
        try await handle.sql.raw("UPDATE users SET password_hash = \(bind: hash) WHERE id = \(bind: userID)").run()
    }

    func countSignInFailure(userID: String, at date: Date, window: TimeInterval) async throws -> Int {
        let now = Timestamp.microseconds(date)
        let since = Timestamp.microseconds(date.addingTimeInterval(-window))
        let row = try await handle.sql.raw("""
            UPDATE users SET
              failed_sign_ins = CASE WHEN last_failed_at IS NULL OR last_failed_at < \(bind: since) THEN 1 ELSE failed_sign_ins + 1 END,
              last_failed_at = \(bind: now)
            WHERE id = \(bind: userID) RETURNING failed_sign_ins
            """).first()
        return Int(try row?.int("failed_sign_ins") ?? 1)
    }

    func lock(userID: String, until date: Date) async throws {
        try await handle.sql.raw("UPDATE users SET locked_until = \(bind: Timestamp.microseconds(date)) WHERE id = \(bind: userID)").run()
    }

    func resetSignInFailures(userID: String) async throws {
        try await handle.sql.raw("""
            UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_failed_at = NULL WHERE id = \(bind: userID)
            """).run()
    }

    func rememberDevice(id: String, userID: String, at date: Date) async throws {
        try await handle.sql.raw("""
            INSERT INTO user_devices (id, user_id, created_at) VALUES (\(bind: id), \(bind: userID), \(bind: Timestamp.microseconds(date)))
            ON CONFLICT (id) DO NOTHING
            """).run()
    }

    func knowsDevice(id: String, userID: String) async throws -> Bool {
        try await handle.sql.raw("SELECT 1 AS known FROM user_devices WHERE id = \(bind: id) AND user_id = \(bind: userID)").first() != nil
    }

    func insert(_ session: UserSession) async throws {
        try await handle.sql.raw("""
            INSERT INTO sessions (id, user_id, workspace_id, csrf_token, created_at, expires_at)
            VALUES (\(bind: session.id), \(bind: session.userID), \(bind: session.workspaceID), \(bind: session.csrfToken),
              \(bind: Timestamp.microseconds(session.createdAt)), \(bind: Timestamp.microseconds(session.expiresAt)))
            """).run()
    }

    func session(id: String, now: Date) async throws -> (UserSession, User)? {
        guard let row = try await handle.sql.raw("""
            SELECT s.id AS session_id, s.csrf_token, s.created_at AS session_created_at, s.expires_at, u.*
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = \(bind: id) AND s.expires_at > \(bind: Timestamp.microseconds(now)) AND u.deactivated_at IS NULL
            """).first(), let user = try UserRow.decode(row)
        else { return nil }
        let session = UserSession(
            id: try row.string("session_id"), userID: user.id, workspaceID: user.workspaceID, csrfToken: try row.string("csrf_token"),
            createdAt: try row.date("session_created_at"), expiresAt: try row.date("expires_at"))
        return (session, user)
    }

    func setRole(_ role: UserRole, userID: String, workspaceID: String) async throws -> Bool {
        let rows = try await handle.sql.raw("""
            UPDATE users SET role = \(bind: role.rawValue) WHERE id = \(bind: userID) AND workspace_id = \(bind: workspaceID) RETURNING id
            """).all()
        return !rows.isEmpty
    }

    func setDeactivated(at date: Date?, userID: String, workspaceID: String) async throws -> Bool {
        var sql: SQLQueryString = "UPDATE users SET deactivated_at = \(bind: date.map(Timestamp.microseconds))"
        if date != nil { sql += ", availability = 'offline'" }
        sql += " WHERE id = \(bind: userID) AND workspace_id = \(bind: workspaceID) RETURNING id"
        return !(try await handle.sql.raw(sql).all()).isEmpty
    }

    func deleteSession(id: String) async throws {
        try await handle.sql.raw("DELETE FROM sessions WHERE id = \(bind: id)").run()
    }

    func deleteSessions(userID: String) async throws -> Int {
        try await handle.sql.raw("DELETE FROM user_devices WHERE user_id = \(bind: userID)").run()
        return try await handle.sql.raw("DELETE FROM sessions WHERE user_id = \(bind: userID) RETURNING id").all().count
    }
}
