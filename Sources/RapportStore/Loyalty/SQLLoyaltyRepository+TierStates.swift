import Foundation
import RapportCore
import SQLKit

/// The tier each customer was last told, and the shape of the tiers when they were noted.
extension SQLLoyaltyRepository {
    func tierStates(customerIDs: [String], workspaceID: String) async throws -> [String: LoyaltyTierState] {
        var states: [String: LoyaltyTierState] = [:]
        for slice in customerIDs.slices(of: Self.idsPerStatement) where !slice.isEmpty {
            for row in try await handle.sql.raw("""
                SELECT customer_id, tier, changed_at FROM loyalty_tier_states
                WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: slice))
                """).all() {
                let customerID = try row.string("customer_id")
                states[customerID] = LoyaltyTierState(
                    workspaceID: workspaceID, customerID: customerID, tier: try row.optionalString("tier"), changedAt: try row.date("changed_at"))
            }
        }
        return states
    }

    func saveTierStates(_ states: [LoyaltyTierState]) async throws {
        _ = try await handle.dialect.insert(
            table: "loyalty_tier_states", columns: ["workspace_id", "customer_id", "tier", "changed_at"],
            rows: states.map { [.text($0.workspaceID), .text($0.customerID), .text($0.tier), .integer(Timestamp.microseconds($0.changedAt))] },
            suffix: "ON CONFLICT (workspace_id, customer_id) DO UPDATE SET tier = excluded.tier, changed_at = excluded.changed_at",
            returned: nil, on: handle)
    }

    func tierBaseline(workspaceID: String) async throws -> String? {
        try await handle.sql.raw("SELECT signature FROM loyalty_tier_baselines WHERE workspace_id = \(bind: workspaceID)")
            .first()?.string("signature")
    }

    func forgetTierBaseline(workspaceID: String) async throws {
        try await handle.sql.raw("DELETE FROM loyalty_tier_baselines WHERE workspace_id = \(bind: workspaceID)").run()
    }

    func saveTierBaseline(workspaceID: String, signature: String, at moment: Date) async throws {
        try await handle.sql.raw("""
            INSERT INTO loyalty_tier_baselines (workspace_id, signature, taken_at)
            VALUES (\(bind: workspaceID), \(bind: signature), \(bind: Timestamp.microseconds(moment)))
            ON CONFLICT (workspace_id) DO UPDATE SET signature = excluded.signature, taken_at = excluded.taken_at
            """).run()
    }
}
