import Foundation
import RapportCore
import SQLKit

struct SQLIdempotencyRepository: IdempotencyRepository {
    let handle: SQLConnectionHandle

    func claim(key: String, workspaceID: String, fingerprint: String, token: String, at date: Date) async throws -> IdempotencyRecord? {
        if let row = try await handle.sql.raw("""
            SELECT * FROM idempotency_keys WHERE workspace_id = \(bind: workspaceID) AND key = \(bind: key)
            """).first()
        {
            return IdempotencyRecord(
                fingerprint: try row.string("fingerprint"), status: try row.decode(column: "status", as: Int?.self),
                headers: try row.optionalString("headers"), body: try row.optionalString("body"),
                createdAt: try row.date("created_at"))
        }
        try await handle.sql.raw("""
            INSERT INTO idempotency_keys (workspace_id, key, fingerprint, claim_token, created_at)
            VALUES (\(bind: workspaceID), \(bind: key), \(bind: fingerprint), \(bind: token), \(bind: Timestamp.microseconds(date)))
            """).run()
        return nil
    }

    func takeOver(key: String, workspaceID: String, fingerprint: String, token: String, at date: Date, staleBefore: Date) async throws -> Bool {
        try await !handle.sql.raw("""
            UPDATE idempotency_keys SET claim_token = \(bind: token), created_at = \(bind: Timestamp.microseconds(date))
            WHERE workspace_id = \(bind: workspaceID) AND key = \(bind: key) AND fingerprint = \(bind: fingerprint)
              AND status IS NULL AND created_at < \(bind: Timestamp.microseconds(staleBefore))
            RETURNING key
            """).all().isEmpty
    }

    func complete(key: String, workspaceID: String, token: String, status: Int, headers: String, body: String?) async throws {
        try await handle.sql.raw("""
            UPDATE idempotency_keys SET status = \(bind: status), headers = \(bind: headers), body = \(bind: body)
            WHERE workspace_id = \(bind: workspaceID) AND key = \(bind: key) AND claim_token = \(bind: token) AND status IS NULL
            """).run()
    }

    func purge(createdBefore cutoff: Date) async throws -> Int {
        try await handle.sql.raw("""
            DELETE FROM idempotency_keys WHERE created_at < \(bind: Timestamp.microseconds(cutoff)) RETURNING key
            """).all().count
    }

    func release(key: String, workspaceID: String, token: String) async throws {
        try await handle.sql.raw("""
            DELETE FROM idempotency_keys
            WHERE workspace_id = \(bind: workspaceID) AND key = \(bind: key) AND claim_token = \(bind: token) AND status IS NULL
            """).run()
    }
}
