import Foundation
import RapportCore
import SQLKit

struct SQLSourceRepository: SourceRepository {
    let handle: SQLConnectionHandle
    let secrets: SecretBox

    func insert(_ source: ShopSource) async throws {
        try await handle.sql.raw("""
            INSERT INTO sources (id, workspace_id, kind, name, secret, created_at)
            VALUES (\(bind: source.id), \(bind: source.workspaceID), \(bind: source.kind.rawValue), \(bind: source.name),
              \(bind: try secrets.seal(source.secret)), \(bind: Timestamp.microseconds(source.createdAt)))
            """).run()
    }

    func find(id: String) async throws -> ShopSource? {
        try await handle.sql.raw("SELECT * FROM sources WHERE id = \(bind: id)").first().flatMap(decode)
    }

    func all(workspaceID: String) async throws -> [ShopSource] {
        try await handle.sql.raw("SELECT * FROM sources WHERE workspace_id = \(bind: workspaceID) ORDER BY id").all()
            .compactMap(decode)
    }

    func updateSecret(id: String, secret: String) async throws {
        try await handle.sql.raw("UPDATE sources SET secret = \(bind: try secrets.seal(secret)) WHERE id = \(bind: id)").run()
    }

    func delete(id: String) async throws {
        try await handle.sql.raw("DELETE FROM webhook_deliveries WHERE source_id = \(bind: id)").run()
        try await handle.sql.raw("DELETE FROM sources WHERE id = \(bind: id)").run()
    }

    func recordDelivery(sourceID: String, deliveryID: String, at date: Date) async throws -> Bool {
        let rows = try await handle.sql.raw("""
            INSERT INTO webhook_deliveries (source_id, delivery_id, received_at)
            VALUES (\(bind: sourceID), \(bind: deliveryID), \(bind: Timestamp.microseconds(date)))
            ON CONFLICT (source_id, delivery_id) DO NOTHING RETURNING delivery_id
            """).all()
        return !rows.isEmpty
    }

    private func decode(_ row: any SQLRow) throws -> ShopSource? {
        guard let kind = SourceKind(rawValue: try row.string("kind")) else { return nil }
        return ShopSource(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), kind: kind, name: try row.string("name"),
            secret: try secrets.open(try row.string("secret")), createdAt: try row.date("created_at"))
    }
}
