import Foundation
import RapportCore
import SQLKit

/// Suppressions by a keyed digest of the address (`SuppressionDigest`): enough to hold a send
/// to that address, and it survives the customer's erasure without keeping the address.
struct SQLSuppressionRepository: SuppressionRepository {
    let handle: SQLConnectionHandle
    let digests: SuppressionDigest

    func suppress(_ suppression: Suppression) async throws {
        try await handle.sql.raw("""
            INSERT INTO suppressions (workspace_id, channel, address_digest, reason, source, created_at)
            VALUES (\(bind: suppression.workspaceID), \(bind: suppression.channel.rawValue),
                    \(bind: digests.current(suppression.address, suppression.channel, suppression.workspaceID)), \(bind: suppression.reason.rawValue),
                    \(bind: suppression.source), \(bind: Timestamp.microseconds(suppression.createdAt)))
            ON CONFLICT (workspace_id, channel, address_digest, reason) DO UPDATE SET source = excluded.source,
              created_at = excluded.created_at
            """).run()
    }

    func lift(channel: ConsentChannel, address: String, reasons: [SuppressionReason], workspaceID: String) async throws {
        try await handle.sql.raw("""
            DELETE FROM suppressions WHERE workspace_id = \(bind: workspaceID) AND channel = \(bind: channel.rawValue)
              AND address_digest IN (\(binds: digests.every(address, channel, workspaceID))) AND reason IN (\(binds: reasons.map(\.rawValue)))
            """).run()
    }

    func reasons(channel: ConsentChannel, address: String, workspaceID: String) async throws -> [SuppressionReason] {
        try await handle.sql.raw("""
            SELECT reason FROM suppressions WHERE workspace_id = \(bind: workspaceID) AND channel = \(bind: channel.rawValue)
              AND address_digest IN (\(binds: digests.every(address, channel, workspaceID)))
            """).all().compactMap { SuppressionReason(rawValue: try $0.string("reason")) }
    }

    func reasons(channel: ConsentChannel, addresses: [String], workspaceID: String) async throws -> [String: [SuppressionReason]] {
        var owners: [String: String] = [:]
        for address in Set(addresses) { for digest in digests.every(address, channel, workspaceID) { owners[digest] = address } }
        guard !owners.isEmpty else { return [:] }
        let rows = try await handle.sql.raw("""
            SELECT address_digest, reason FROM suppressions WHERE workspace_id = \(bind: workspaceID) AND channel = \(bind: channel.rawValue)
              AND address_digest IN (\(binds: owners.keys.sorted()))
            """).all()
        var found: [String: [SuppressionReason]] = [:]
        for row in rows {
            guard let address = owners[try row.string("address_digest")], let reason = SuppressionReason(rawValue: try row.string("reason")) else { continue }
            found[address, default: []].append(reason)
        }
        return found
    }
}
