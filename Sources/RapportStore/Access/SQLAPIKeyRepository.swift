import Foundation
import RapportCore
import SQLKit

struct SQLAPIKeyRepository: APIKeyRepository {
    let handle: SQLConnectionHandle

    func insert(_ key: APIKey) async throws {
        try await handle.sql.raw("""
            INSERT INTO api_keys (id, workspace_id, name, kind, display_prefix, secret_hash, created_at)
            VALUES (\(bind: key.id), \(bind: key.workspaceID), \(bind: key.name), \(bind: key.kind.rawValue), \(bind: key.displayPrefix),
                    \(bind: key.secretHash), \(bind: Timestamp.microseconds(key.createdAt)))
            """).run()
    }

    func all(workspaceID: String) async throws -> [APIKey] {
        try await handle.sql.raw("SELECT * FROM api_keys WHERE workspace_id = \(bind: workspaceID) ORDER BY id").all().map(decode)
    }

    func all() async throws -> [APIKey] {
        try await handle.sql.raw("SELECT * FROM api_keys ORDER BY id").all().map(decode)
    }

    func find(secretHash: String) async throws -> APIKey? {
        try await handle.sql.raw("SELECT * FROM api_keys WHERE secret_hash = \(bind: secretHash)").first().map(decode)
    }

    func revoke(id: String, at date: Date) async throws -> Bool {
        let existing = try await handle.sql.raw("SELECT id FROM api_keys WHERE id = \(bind: id)").first()
        guard existing != nil else { return false }
        try await handle.sql.raw("""
            UPDATE api_keys SET revoked_at = \(bind: Timestamp.microseconds(date)) WHERE id = \(bind: id) AND revoked_at IS NULL
            """).run()
        return true
    }

    private func decode(_ row: any SQLRow) throws -> APIKey {
        APIKey(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), name: try row.string("name"),
            kind: APIKeyKind(rawValue: try row.string("kind")) ?? .secret, displayPrefix: try row.string("display_prefix"), secretHash: try row.string("secret_hash"),
            createdAt: try row.date("created_at"), revokedAt: try row.optionalDate("revoked_at"))
    }
}
