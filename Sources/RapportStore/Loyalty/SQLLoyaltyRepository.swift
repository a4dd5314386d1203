import Foundation
import RapportCore
import SQLKit
import SQLiteNIO

struct SQLLoyaltyRepository: LoyaltyRepository {
    let handle: SQLConnectionHandle

    /// Ids a statement names in `IN (…)`, and orders a statement reads.
    private static let idsPerStatement = 1_000

    func program(workspaceID: String) async throws -> LoyaltyProgram? {
        try await handle.sql.raw("SELECT settings FROM loyalty_programs WHERE workspace_id = \(bind: workspaceID)").first()
            .map { try StoredJSON.decode(LoyaltyProgram.self, from: try $0.string("settings")) }
    }

    func save(_ program: LoyaltyProgram) async throws {
        try await handle.sql.raw("""
            INSERT INTO loyalty_programs (workspace_id, settings, updated_at)
            VALUES (\(bind: program.workspaceID), \(bind: try StoredJSON.encode(program)), \(bind: Timestamp.microseconds(program.updatedAt)))
            ON CONFLICT (workspace_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at
            """).run()
    }

    func append(_ entries: [LoyaltyEntry], movingBalances: Bool) async throws -> [LoyaltyEntry] {
        guard !entries.isEmpty else { return [] }
        let rows: [[SQLCell]] = entries.map { entry in
            [.text(entry.id), .text(entry.workspaceID), .text(entry.customerID), .text(entry.kind.rawValue), .integer(entry.points),
             .integer(entry.pendingPoints), .text(entry.reason), .text(entry.orderID), .text(entry.origin), .text(entry.actor),
             .integer(Timestamp.microseconds(entry.createdAt))]
        }
        let ids = Set(try await handle.dialect.insert(
            table: "loyalty_entries",
            columns: ["id", "workspace_id", "customer_id", "kind", "points", "pending_points", "reason", "order_id", "origin", "actor", "created_at"],
            rows: rows, suffix: "ON CONFLICT (workspace_id, origin) DO NOTHING RETURNING id", returned: "id", on: handle))
        let added = ids.count == entries.count ? entries : entries.filter { ids.contains($0.id) }
        if movingBalances { try await move(balancesBy: added) }
        return added
    }

    /// One upsert per customer the entries touch, adding what they move.
    private func move(balancesBy entries: [LoyaltyEntry]) async throws {
        var sums: [String: (workspaceID: String, balance: Int64, pending: Int64, qualifying: Int64)] = [:]
        for entry in entries {
            var sum = sums[entry.customerID] ?? (entry.workspaceID, 0, 0, 0)
            sum.balance += entry.points
            sum.pending += entry.pendingPoints
            sum.qualifying += entry.qualifyingPoints
            sums[entry.customerID] = sum
        }
        // Customers in a fixed order, so two writers lock the rows in the same order.
        let rows: [[SQLCell]] = sums.keys.sorted().map { customerID in
            let sum = sums[customerID]!
            return [.text(customerID), .text(sum.workspaceID), .integer(sum.balance), .integer(sum.pending), .integer(sum.qualifying)]
        }
        _ = try await handle.dialect.insert(
            table: "loyalty_balances", columns: ["customer_id", "workspace_id", "balance", "pending", "qualifying"], rows: rows,
            suffix: """
                ON CONFLICT (customer_id) DO UPDATE SET balance = loyalty_balances.balance + excluded.balance,
                  pending = loyalty_balances.pending + excluded.pending, qualifying = loyalty_balances.qualifying + excluded.qualifying
                """,
            returned: nil, on: handle)
    }

    func standings(orderIDs: [String], workspaceID: String) async throws -> [String: LoyaltyOrderStanding] {
        var standings: [String: LoyaltyOrderStanding] = [:]
        for start in stride(from: 0, to: orderIDs.count, by: Self.idsPerStatement) {
            let ids = Array(orderIDs[start..<min(start + Self.idsPerStatement, orderIDs.count)])
            if let connection = handle.sqlite {
                // Read by position, as `orders(workspaceID:after:limit:)` does.
                let sql = """
                    SELECT order_id, kind, SUM(points), SUM(pending_points) FROM loyalty_entries
                    WHERE workspace_id = ? AND order_id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))
                    GROUP BY order_id, kind
                    """
                for row in try await connection.query(sql, [.text(workspaceID)] + ids.map { .text($0) }) {
                    let values = row.columns.map(\.data)
                    guard let order = values[0].string, let kind = values[1].string.flatMap(LoyaltyEntryKind.init(rawValue:)),
                        let points = values[2].integer, let pending = values[3].integer
                    else { continue }
                    standings[order, default: LoyaltyOrderStanding()].count(kind: kind, points: Int64(points), pendingPoints: Int64(pending))
                }
                continue
            }
            let rows = try await handle.sql.raw("""
                SELECT order_id, kind, CAST(SUM(points) AS BIGINT) AS points, CAST(SUM(pending_points) AS BIGINT) AS pending_points
                FROM loyalty_entries WHERE workspace_id = \(bind: workspaceID) AND order_id IN (\(binds: ids))
                GROUP BY order_id, kind
                """).all()
            for row in rows {
                guard let kind = LoyaltyEntryKind(rawValue: try row.string("kind")) else { continue }
                standings[try row.string("order_id"), default: LoyaltyOrderStanding()]
                    .count(kind: kind, points: try row.int("points"), pendingPoints: try row.int("pending_points"))
            }
        }
        return standings
    }

    func setHolds(_ holds: [LoyaltyHold]) async throws {
        let waiting: [[SQLCell]] = holds.filter { $0.points > 0 }.map { hold in
            [.text(hold.orderID), .text(hold.workspaceID), .text(hold.customerID), .integer(hold.points),
             .integer(hold.usableAt.map(Timestamp.microseconds))]
        }
        _ = try await handle.dialect.insert(
            table: "loyalty_holds", columns: ["id", "workspace_id", "customer_id", "points", "usable_at"], rows: waiting,
            suffix: "ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, points = excluded.points, usable_at = excluded.usable_at",
            returned: nil, on: handle)
        let done = holds.filter { $0.points <= 0 }.map(\.orderID)
        for start in stride(from: 0, to: done.count, by: Self.idsPerStatement) {
            try await handle.sql.raw("DELETE FROM loyalty_holds WHERE id IN (\(binds: Array(done[start..<min(start + Self.idsPerStatement, done.count)])))").run()
        }
    }

    func dueHolds(at now: Date, limit: Int) async throws -> [(workspaceID: String, orderID: String)] {
        try await handle.sql.raw("""
            SELECT workspace_id, id FROM loyalty_holds WHERE usable_at <= \(bind: Timestamp.microseconds(now))
            ORDER BY usable_at LIMIT \(unsafeRaw: String(limit))
            """).all().map { (try $0.string("workspace_id"), try $0.string("id")) }
    }

    private static let orderColumns = """
        id, workspace_id, customer_id, number, status, currency, subtotal, discount, tax, shipping, total, refunded,
        placed_at, fulfilled_at, delivered_at, created_at
        """

    func orders(ids: [String], workspaceID: String) async throws -> [LoyaltyOrder] {
        var orders: [LoyaltyOrder] = []
        for start in stride(from: 0, to: ids.count, by: Self.idsPerStatement) {
            let slice = Array(ids[start..<min(start + Self.idsPerStatement, ids.count)])
            orders += try await handle.sql.raw("""
                SELECT \(unsafeRaw: Self.orderColumns) FROM orders o WHERE workspace_id = \(bind: workspaceID) AND id IN (\(binds: slice))
                ORDER BY id\(unsafeRaw: handle.dialect.lockForUpdate(of: "o", in: handle))
                """).all().compactMap(decodeOrder)
        }
        return orders
    }

    func orders(workspaceID: String, after cursor: String?, limit: Int) async throws -> [LoyaltyOrder] {
        if let connection = handle.sqlite {
            // A replay reads every order: read straight from SQLite, by column position (SQLKit's
            // generic row decoding by name costs more than SQLite's own work here).
            var sql = "SELECT \(Self.orderColumns) FROM orders WHERE workspace_id = ?"
            var binds: [SQLiteData] = [.text(workspaceID)]
            if let cursor {
                sql += " AND id > ?"
                binds.append(.text(cursor))
            }
            sql += " ORDER BY id LIMIT \(limit)"
            return try await connection.query(sql, binds).compactMap { Self.loyaltyOrder($0.columns.map(\.data)) }
        }
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.orderColumns) FROM orders o WHERE workspace_id = \(bind: workspaceID)"
        if let cursor { query += " AND id > \(bind: cursor)" }
        query += " ORDER BY id LIMIT \(unsafeRaw: String(limit))\(unsafeRaw: handle.dialect.lockForUpdate(of: "o", in: handle))"
        return try await handle.sql.raw(query).all().compactMap(decodeOrder)
    }

    /// An order from its `orderColumns` values in order; nil when its status is unknown to
    /// this build or a value is missing.
    private static func loyaltyOrder(_ values: [SQLiteData]) -> LoyaltyOrder? {
        guard values.count == 16, let id = values[0].string, let workspaceID = values[1].string, let customerID = values[2].string,
            let number = values[3].string, let status = values[4].string.flatMap(OrderStatus.init(rawValue:)), let currency = values[5].string,
            let subtotal = values[6].integer, let discount = values[7].integer, let tax = values[8].integer, let shipping = values[9].integer,
            let total = values[10].integer, let refunded = values[11].integer, let placed = values[12].integer, let created = values[15].integer
        else { return nil }
        return LoyaltyOrder(
            id: id, workspaceID: workspaceID, customerID: customerID, number: number, status: status, currency: currency,
            totals: OrderTotals(
                subtotal: Int64(subtotal), discount: Int64(discount), tax: Int64(tax), shipping: Int64(shipping), total: Int64(total),
                refunded: Int64(refunded)),
            placedAt: Timestamp.date(microseconds: Int64(placed)), fulfilledAt: values[13].integer.map { Timestamp.date(microseconds: Int64($0)) },
            deliveredAt: values[14].integer.map { Timestamp.date(microseconds: Int64($0)) }, createdAt: Timestamp.date(microseconds: Int64(created)))
    }

    /// An order whose status this build does not know is left out.
    private func decodeOrder(_ row: any SQLRow) throws -> LoyaltyOrder? {
        guard let status = OrderStatus(rawValue: try row.string("status")) else { return nil }
        return LoyaltyOrder(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), customerID: try row.string("customer_id"),
            number: try row.string("number"), status: status, currency: try row.string("currency"),
            totals: OrderTotals(
                subtotal: try row.int("subtotal"), discount: try row.int("discount"), tax: try row.int("tax"), shipping: try row.int("shipping"),
                total: try row.int("total"), refunded: try row.int("refunded")),
            placedAt: try row.date("placed_at"), fulfilledAt: try row.optionalDate("fulfilled_at"), deliveredAt: try row.optionalDate("delivered_at"),
            createdAt: try row.date("created_at"))
    }

    func customersWithoutPoints(_ ids: [String], workspaceID: String) async throws -> Set<String> {
        var found = Set<String>()
        for start in stride(from: 0, to: ids.count, by: Self.idsPerStatement) {
            let slice = Array(ids[start..<min(start + Self.idsPerStatement, ids.count)])
            for row in try await handle.sql.raw("""
                SELECT id FROM customers WHERE workspace_id = \(bind: workspaceID) AND id IN (\(binds: slice))
                  AND (erased_at IS NOT NULL OR deleted_at IS NOT NULL OR merged_into_id IS NOT NULL)
                """).all() {
                found.insert(try row.string("id"))
            }
        }
        return found
    }

    func balance(customerID: String, workspaceID: String) async throws -> LoyaltyBalance? {
        // Locked in a write (PostgreSQL), so two redemptions take turns and neither overspends.
        try await handle.sql.raw("""
            SELECT b.balance, b.pending, b.qualifying FROM loyalty_balances b
            WHERE b.customer_id = \(bind: customerID) AND b.workspace_id = \(bind: workspaceID)\(unsafeRaw: handle.dialect.lockForUpdate(of: "b", in: handle))
            """).first().map {
            LoyaltyBalance(customerID: customerID, balance: try $0.int("balance"), pending: try $0.int("pending"), qualifying: try $0.int("qualifying"))
        }
    }

    func insert(_ code: LoyaltyRewardCode) async throws -> Bool {
        try await handle.sql.raw("""
            INSERT INTO loyalty_reward_codes (id, workspace_id, customer_id, code, reward, points, entry_id, issued_by, issued_at, expires_at)
            VALUES (\(bind: code.id), \(bind: code.workspaceID), \(bind: code.customerID), \(bind: code.code), \(bind: try StoredJSON.encode(code.reward)),
              \(bind: code.points), \(bind: code.entryID), \(bind: code.issuedBy), \(bind: Timestamp.microseconds(code.issuedAt)),
              \(bind: Timestamp.microseconds(code.expiresAt)))
            ON CONFLICT (workspace_id, code) DO NOTHING RETURNING id
            """).first() != nil
    }

    func rewardCodes(customerID: String, workspaceID: String, limit: Int) async throws -> [LoyaltyRewardCode] {
        try await handle.sql.raw("""
            SELECT * FROM loyalty_reward_codes WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            ORDER BY issued_at DESC, id DESC LIMIT \(unsafeRaw: String(max(1, limit)))
            """).all().map(decodeRewardCode)
    }

    func useRewardCode(_ code: String, orderID: String, workspaceID: String, at now: Date) async throws -> LoyaltyRewardCode? {
        try await handle.sql.raw("""
            UPDATE loyalty_reward_codes SET used_at = \(bind: Timestamp.microseconds(now)), order_id = \(bind: orderID)
            WHERE workspace_id = \(bind: workspaceID) AND code = \(bind: code) AND used_at IS NULL AND expires_at > \(bind: Timestamp.microseconds(now))
            RETURNING *
            """).first().map(decodeRewardCode)
    }

    private func decodeRewardCode(_ row: any SQLRow) throws -> LoyaltyRewardCode {
        LoyaltyRewardCode(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), customerID: try row.string("customer_id"),
            code: try row.string("code"), reward: try StoredJSON.decode(LoyaltyReward.self, from: try row.string("reward")),
            points: try row.int("points"), entryID: try row.string("entry_id"), issuedBy: try row.string("issued_by"),
            issuedAt: try row.date("issued_at"), expiresAt: try row.date("expires_at"), usedAt: try row.optionalDate("used_at"),
            orderID: try row.optionalString("order_id"))
    }

    func totals(workspaceID: String, tierMinimums: [Int64]) async throws -> LoyaltyTotals {
        var query: SQLQueryString = """
            SELECT COUNT(*) AS members, CAST(COALESCE(SUM(CASE WHEN b.balance > 0 THEN b.balance ELSE 0 END), 0) AS BIGINT) AS usable,
              CAST(COALESCE(SUM(b.pending), 0) AS BIGINT) AS pending, COALESCE(SUM(CASE WHEN b.balance < 0 THEN 1 ELSE 0 END), 0) AS below_zero
            """
        for (index, minimum) in tierMinimums.enumerated() {
            query += ", COALESCE(SUM(CASE WHEN b.qualifying >= \(bind: minimum) THEN 1 ELSE 0 END), 0) AS tier_\(unsafeRaw: String(index))"
        }
        // Customers still on record only: a deleted (or erased) one's row waits for the purge.
        query += """
             FROM loyalty_balances b JOIN customers c ON c.id = b.customer_id
            WHERE b.workspace_id = \(bind: workspaceID) AND (b.balance <> 0 OR b.pending <> 0 OR b.qualifying <> 0)
              AND c.deleted_at IS NULL AND c.merged_into_id IS NULL AND c.erased_at IS NULL
            """
        guard let row = try await handle.sql.raw(query).first() else {
            return LoyaltyTotals(members: 0, usablePoints: 0, pendingPoints: 0, belowZero: 0, reaching: tierMinimums.map { _ in 0 })
        }
        return LoyaltyTotals(
            members: Int(try row.int("members")), usablePoints: try row.int("usable"), pendingPoints: try row.int("pending"),
            belowZero: Int(try row.int("below_zero")), reaching: try tierMinimums.indices.map { Int(try row.int("tier_\($0)")) })
    }

    func entries(customerID: String, workspaceID: String, page: PageRequest) async throws -> Page<LoyaltyEntry> {
        var query: SQLQueryString = "SELECT * FROM loyalty_entries WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)"
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decode), hasMore: rows.count > page.limit)
    }

    func rebuildBalances(customerIDs: [String]?, workspaceID: String) async throws -> Int {
        var scope: SQLQueryString = "workspace_id = \(bind: workspaceID)"
        if let customerIDs { scope += " AND customer_id IN (\(binds: customerIDs.isEmpty ? [""] : customerIDs))" }
        try await handle.sql.raw("DELETE FROM loyalty_balances WHERE " + scope).run()
        let qualifying = [LoyaltyEntryKind.earn, .reverse].map(\.rawValue)
        return try await handle.sql.raw("""
            INSERT INTO loyalty_balances (customer_id, workspace_id, balance, pending, qualifying)
            SELECT customer_id, workspace_id, CAST(SUM(points) AS BIGINT), CAST(SUM(pending_points) AS BIGINT),
              CAST(SUM(CASE WHEN kind IN (\(binds: qualifying)) THEN points + pending_points ELSE 0 END) AS BIGINT)
            FROM loyalty_entries WHERE
            """ + " " + scope + " GROUP BY customer_id, workspace_id RETURNING customer_id").all().count
    }

    /// An entry whose kind this build does not know (a newer one wrote it) is left out.
    private func decode(_ row: any SQLRow) throws -> LoyaltyEntry? {
        guard let kind = LoyaltyEntryKind(rawValue: try row.string("kind")) else { return nil }
        return LoyaltyEntry(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), customerID: try row.string("customer_id"), kind: kind,
            points: try row.int("points"), pendingPoints: try row.int("pending_points"), reason: try row.string("reason"),
            orderID: try row.optionalString("order_id"), origin: try row.string("origin"), actor: try row.optionalString("actor"),
            createdAt: try row.date("created_at"))
    }
}
