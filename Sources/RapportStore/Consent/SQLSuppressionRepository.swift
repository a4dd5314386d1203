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

    func lookup(channel: ConsentChannel, workspaceID: String) async throws -> any SuppressionLookup {
        var held: [String: [SuppressionReason]] = [:]
        for row in try await handle.sql.raw("""
            SELECT address_digest, reason FROM suppressions WHERE workspace_id = \(bind: workspaceID) AND channel = \(bind: channel.rawValue)
            """).all() {
            guard let reason = SuppressionReason(rawValue: try row.string("reason")) else { continue }
            held[try row.string("address_digest"), default: []].append(reason)
        }
        return SQLSuppressionLookup(held: held, digests: digests, channel: channel, workspaceID: workspaceID)
    }

    func recordSoftBounce(
        channel: ConsentChannel, address: String, messageID: String?, providerID: String?, workspaceID: String, at date: Date, since: Date
    ) async throws -> Int {
        let every = digests.every(address, channel, workspaceID)
        let at = Timestamp.microseconds(date)
        // One row per message: its Message-ID, else the provider's own id (a redelivered report
        // carries the same); only a report naming neither is its own, keyed by its time.
        let key = messageID.map { "id:" + String($0.prefix(998)) } ?? providerID.map { "provider:" + String($0.prefix(256)) } ?? "at:\(at)"
        try await handle.sql.raw("""
            DELETE FROM soft_bounces WHERE workspace_id = \(bind: workspaceID) AND channel = \(bind: channel.rawValue)
              AND address_digest IN (\(binds: every)) AND occurred_at < \(bind: Timestamp.microseconds(since))
            """).run()
        try await handle.sql.raw("""
            INSERT INTO soft_bounces (workspace_id, channel, address_digest, message_key, occurred_at)
            VALUES (\(bind: workspaceID), \(bind: channel.rawValue), \(bind: digests.current(address, channel, workspaceID)), \(bind: key), \(bind: at))
            ON CONFLICT (workspace_id, channel, address_digest, message_key) DO NOTHING
            """).run()
        return try await softBounceCount(channel: channel, address: address, workspaceID: workspaceID)
    }

    func softBounceCount(channel: ConsentChannel, address: String, workspaceID: String) async throws -> Int {
        Int(try await handle.sql.raw("""
            SELECT COUNT(*) AS n FROM soft_bounces WHERE workspace_id = \(bind: workspaceID) AND channel = \(bind: channel.rawValue)
              AND address_digest IN (\(binds: digests.every(address, channel, workspaceID)))
            """).first().map { try $0.int("n") } ?? 0)
    }

    func clearSoftBounces(channel: ConsentChannel, address: String, workspaceID: String) async throws -> Int {
        try await handle.sql.raw("""
            DELETE FROM soft_bounces WHERE workspace_id = \(bind: workspaceID) AND channel = \(bind: channel.rawValue)
              AND address_digest IN (\(binds: digests.every(address, channel, workspaceID))) RETURNING message_key
            """).all().count
    }

    func purgeSoftBounces(before cutoff: Date) async throws -> Int {
        // A scan of the table (its key does not lead with the time): hourly, over rows that last a month.
        try await handle.sql.raw("DELETE FROM soft_bounces WHERE occurred_at < \(bind: Timestamp.microseconds(cutoff)) RETURNING message_key").all().count
    }
}
