import Foundation
import RapportCore
import SQLKit

/// What the multipliers and tiers read: an order's lines' categories, customers' balances (their
/// qualifying points), and the orders a tier over a window counts.
extension SQLLoyaltyRepository {
    func lines(orderIDs: [String], workspaceID: String) async throws -> [String: [LoyaltyOrderLine]] {
        var lines: [String: [LoyaltyOrderLine]] = [:]
        for slice in orderIDs.slices(of: Self.idsPerStatement) where !slice.isEmpty {
            let rows = try await handle.sql.raw("""
                SELECT l.order_id, l.quantity, l.unit_price, l.discount, p.categories
                FROM order_lines l LEFT JOIN products p ON p.id = l.product_id AND p.workspace_id = l.workspace_id
                WHERE l.workspace_id = \(bind: workspaceID) AND l.order_id IN (\(binds: slice))
                ORDER BY l.order_id, l.position
                """).all()
            for row in rows {
                let (quantity, price) = (try row.int("quantity"), try row.int("unit_price"))
                let (value, overflow) = quantity.multipliedReportingOverflow(by: price)
                let categories = try row.optionalString("categories").map { try StoredJSON.decodeList([String].self, from: $0) } ?? []
                lines[try row.string("order_id"), default: []].append(
                    LoyaltyOrderLine(value: overflow ? Int64.max / 2 : value - (try row.int("discount")), categories: categories))
            }
        }
        return lines
    }

    func balances(customerIDs: [String], workspaceID: String) async throws -> [String: LoyaltyBalance] {
        var balances: [String: LoyaltyBalance] = [:]
        for slice in customerIDs.slices(of: Self.idsPerStatement) where !slice.isEmpty {
            for row in try await handle.sql.raw("""
                SELECT customer_id, balance, pending, qualifying FROM loyalty_balances
                WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: slice))
                """).all() {
                let customerID = try row.string("customer_id")
                balances[customerID] = LoyaltyBalance(
                    customerID: customerID, balance: try row.int("balance"), pending: try row.int("pending"), qualifying: try row.int("qualifying"))
            }
        }
        return balances
    }

    /// Without `e.workspace_id`: the order's workspace bounds the rows, and SQLite without
    /// statistics would otherwise read the workspace's whole ledger by its origin index.
    func tierOrders(
        customerIDs: [String]?, workspaceID: String, placedAfter: Date, recordedBefore: Date?
    ) async throws -> [String: [LoyaltyTierOrder]] {
        let slices: [[String]?] = customerIDs.map { $0.slices(of: Self.idsPerStatement).map { Optional($0) } } ?? [nil]
        let kinds = [LoyaltyEntryKind.earn, .reverse].map(\.rawValue)
        var orders: [String: [LoyaltyTierOrder]] = [:]
        for slice in slices where slice?.isEmpty != true {
            var query: SQLQueryString = """
                SELECT e.customer_id, o.placed_at, CAST(SUM(e.points + e.pending_points) AS BIGINT) AS points
                FROM orders o JOIN loyalty_entries e ON e.order_id = o.id
                JOIN customers c ON c.id = e.customer_id
                WHERE o.workspace_id = \(bind: workspaceID) AND o.placed_at >= \(bind: Timestamp.microseconds(placedAfter))
                  AND e.order_id IS NOT NULL AND e.kind IN (\(binds: kinds))
                  AND c.deleted_at IS NULL AND c.merged_into_id IS NULL AND c.erased_at IS NULL
                """
            if let slice { query += " AND e.customer_id IN (\(binds: slice))" }
            if let recordedBefore { query += " AND e.created_at < \(bind: Timestamp.microseconds(recordedBefore))" }
            query += " GROUP BY e.customer_id, e.order_id, o.placed_at"
            for row in try await handle.sql.raw(query).all() {
                orders[try row.string("customer_id"), default: []].append(
                    LoyaltyTierOrder(placedAt: Timestamp.date(microseconds: try row.int("placed_at")), points: try row.int("points")))
            }
        }
        return orders
    }
}
