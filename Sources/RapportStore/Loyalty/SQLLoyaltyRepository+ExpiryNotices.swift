import Foundation
import RapportCore
import SQLKit

/// The latest notice of points expiring soon, one per customer.
extension SQLLoyaltyRepository {
    func expiryNotices(customerIDs: [String], workspaceID: String) async throws -> [String: LoyaltyExpiryNotice] {
        var notices: [String: LoyaltyExpiryNotice] = [:]
        for slice in customerIDs.slices(of: Self.idsPerStatement) where !slice.isEmpty {
            for row in try await handle.sql.raw("""
                SELECT customer_id, points, expires_by, within_days, notified_at FROM loyalty_expiry_notices
                WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: slice))
                """).all() {
                let customerID = try row.string("customer_id")
                notices[customerID] = LoyaltyExpiryNotice(
                    workspaceID: workspaceID, customerID: customerID, points: try row.int("points"), expiresBy: try row.date("expires_by"),
                    withinDays: try row.optionalInt("within_days").map(Int.init), notifiedAt: try row.date("notified_at"))
            }
        }
        return notices
    }

    func saveExpiryNotices(_ notices: [LoyaltyExpiryNotice]) async throws {
        for notice in notices {
            try await handle.sql.raw("""
                INSERT INTO loyalty_expiry_notices (workspace_id, customer_id, points, expires_by, within_days, notified_at)
                VALUES (\(bind: notice.workspaceID), \(bind: notice.customerID), \(bind: notice.points),
                  \(bind: Timestamp.microseconds(notice.expiresBy)), \(bind: notice.withinDays), \(bind: Timestamp.microseconds(notice.notifiedAt)))
                ON CONFLICT (workspace_id, customer_id) DO UPDATE SET points = excluded.points, expires_by = excluded.expires_by,
                  within_days = excluded.within_days, notified_at = excluded.notified_at
                """).run()
        }
    }
}
