import Foundation
import RapportCore
import SQLKit

/// What the multipliers and tiers read: an order's lines' categories, customers' balances (their
/// qualifying points), the orders a tier over a window counts, and the orders a spend tier counts.
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
                    LoyaltyTierOrder(placedAt: Timestamp.date(microseconds: try row.int("placed_at")), counted: try row.int("points")))
            }
        }
        return orders
    }

    func spendOrders(
        customerIDs: [String]?, workspaceID: String, currency: String, placedAfter: Date?, recordedBefore: Date?, partlyRefundedOnly: Bool
    ) async throws -> [LoyaltyOrder] {
        let slices: [[String]?] = customerIDs.map { $0.slices(of: Self.idsPerStatement).map { Optional($0) } } ?? [nil]
        var orders: [LoyaltyOrder] = []
        for slice in slices where slice?.isEmpty != true {
            var query: SQLQueryString = """
                SELECT o.id, o.customer_id, o.number, o.status, o.subtotal, o.discount, o.tax, o.shipping, o.total, o.refunded,
                  o.placed_at, o.fulfilled_at, o.delivered_at, o.created_at
                """
            query += Self.spendConditions(workspaceID: workspaceID, currency: currency, placedAfter: placedAfter)
            if partlyRefundedOnly { query += " AND o.refunded > 0" }
            if let slice { query += " AND o.customer_id IN (\(binds: slice))" }
            if let recordedBefore { query += " AND o.created_at < \(bind: Timestamp.microseconds(recordedBefore))" }
            for row in try await handle.sql.raw(query).all() {
                guard let status = OrderStatus(rawValue: try row.string("status")) else { continue }
                orders.append(
                    LoyaltyOrder(
                        id: try row.string("id"), workspaceID: workspaceID, customerID: try row.string("customer_id"), number: try row.string("number"),
                        status: status, currency: currency,
                        totals: OrderTotals(
                            subtotal: try row.int("subtotal"), discount: try row.int("discount"), tax: try row.int("tax"),
                            shipping: try row.int("shipping"), total: try row.int("total"), refunded: try row.int("refunded")),
                        placedAt: Timestamp.date(microseconds: try row.int("placed_at")),
                        fulfilledAt: try row.optionalInt("fulfilled_at").map(Timestamp.date(microseconds:)),
                        deliveredAt: try row.optionalInt("delivered_at").map(Timestamp.date(microseconds:)),
                        createdAt: Timestamp.date(microseconds: try row.int("created_at"))))
            }
        }
        return orders
    }

    /// Summed in the database: every live customer's orders nothing was refunded of, by the
    /// earning base (`LoyaltyEarningBase.amount`: the total, or the goods after discounts, never
    /// below nothing) — the loyalty page's totals without reading each order.
    func unrefundedSpend(
        customerIDs: [String]?, workspaceID: String, currency: String, base: LoyaltyEarningBase, placedAfter: Date?
    ) async throws -> [String: Int64] {
        let amount = switch base {
        case .total: "CASE WHEN o.total > 0 THEN o.total ELSE 0 END"
        case .subtotal: "CASE WHEN o.subtotal - o.discount > 0 THEN o.subtotal - o.discount ELSE 0 END"
        }
        let slices: [[String]?] = customerIDs.map { $0.slices(of: Self.idsPerStatement).map { Optional($0) } } ?? [nil]
        var spent: [String: Int64] = [:]
        for slice in slices where slice?.isEmpty != true {
            var query: SQLQueryString = "SELECT o.customer_id, CAST(SUM(\(unsafeRaw: amount)) AS BIGINT) AS spent"
            query += Self.spendConditions(workspaceID: workspaceID, currency: currency, placedAfter: placedAfter)
            if let slice { query += " AND o.customer_id IN (\(binds: slice))" }
            query += " AND o.refunded = 0 GROUP BY o.customer_id"
            for row in try await handle.sql.raw(query).all() { spent[try row.string("customer_id")] = try row.int("spent") }
        }
        return spent
    }

    /// The orders a spend tier counts: live customers', in the currency, neither cancelled nor
    /// wholly refunded, placed from `placedAfter`.
    private static func spendConditions(workspaceID: String, currency: String, placedAfter: Date?) -> SQLQueryString {
        let lost = [OrderStatus.cancelled, .refunded].map(\.rawValue)
        var conditions: SQLQueryString = """
             FROM orders o JOIN customers c ON c.id = o.customer_id
            WHERE o.workspace_id = \(bind: workspaceID) AND o.currency = \(bind: currency) AND o.status NOT IN (\(binds: lost))
              AND c.deleted_at IS NULL AND c.merged_into_id IS NULL AND c.erased_at IS NULL
            """
        if let placedAfter { conditions += " AND o.placed_at >= \(bind: Timestamp.microseconds(placedAfter))" }
        return conditions
    }
}
