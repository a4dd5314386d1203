import Foundation
import RapportCore
import SQLKit

/// Suppressions by the digest of the address (`Suppression.comparable`): enough to hold a
/// send to that address, and it survives the customer's erasure without keeping the address.
struct SQLSuppressionRepository: SuppressionRepository {
    let handle: SQLConnectionHandle

    private func digest(_ address: String, _ channel: ConsentChannel, _ workspaceID: String) -> String {
        SubjectDigest.of(channel.rawValue + ":" + Suppression.comparable(address, on: channel), workspaceID: workspaceID)
    }

    func suppress(_ suppression: Suppression) async throws {
        try await handle.sql.raw("""
            INSERT INTO suppressions (workspace_id, channel, address_digest, reason, source, created_at)
            VALUES (\(bind: suppression.workspaceID), \(bind: suppression.channel.rawValue),
                    \(bind: digest(suppression.address, suppression.channel, suppression.workspaceID)), \(bind: suppression.reason.rawValue),
                    \(bind: suppression.source), \(bind: Timestamp.microseconds(suppression.createdAt)))
            ON CONFLICT (workspace_id, channel, address_digest, reason) DO UPDATE SET source = excluded.source,
              created_at = excluded.created_at
            """).run()
    }

    func lift(channel: ConsentChannel, address: String, reasons: [SuppressionReason], workspaceID: String) async throws {
        try await handle.sql.raw("""
            DELETE FROM suppressions WHERE workspace_id = \(bind: workspaceID) AND channel = \(bind: channel.rawValue)
              AND address_digest = \(bind: digest(address, channel, workspaceID)) AND reason IN (\(binds: reasons.map(\.rawValue)))
            """).run()
    }

    func reasons(channel: ConsentChannel, address: String, workspaceID: String) async throws -> [SuppressionReason] {
        try await handle.sql.raw("""
            SELECT reason FROM suppressions WHERE workspace_id = \(bind: workspaceID) AND channel = \(bind: channel.rawValue)
              AND address_digest = \(bind: digest(address, channel, workspaceID))
            """).all().compactMap { SuppressionReason(rawValue: try $0.string("reason")) }
    }
}
