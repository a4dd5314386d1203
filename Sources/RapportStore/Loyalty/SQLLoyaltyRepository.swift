import Foundation
import PostgresNIO
import RapportCore
import SQLKit
import SQLiteNIO

struct SQLLoyaltyRepository: LoyaltyRepository {
    let handle: SQLConnectionHandle

    /// Ids a statement names in `IN (…)`, and orders a statement reads.
    static let idsPerStatement = 1_000

    func program(workspaceID: String) async throws -> LoyaltyProgram? {
        try await handle.sql.raw("SELECT settings FROM loyalty_programs WHERE workspace_id = \(bind: workspaceID)").first()
            .map { try StoredJSON.decode(LoyaltyProgram.self, from: try $0.string("settings")) }
    }

    func lockProgram(workspaceID: String) async throws {
        try await handle.dialect.lock("loyalty_program:\(workspaceID)", on: handle)
    }

    func programs() async throws -> [LoyaltyProgram] {
        try await handle.sql.raw("SELECT settings FROM loyalty_programs ORDER BY workspace_id").all()
            .map { try StoredJSON.decode(LoyaltyProgram.self, from: try $0.string("settings")) }
    }

    func entry(origin: String, workspaceID: String) async throws -> LoyaltyEntry? {
        try await handle.sql.raw("""
            SELECT id, workspace_id, customer_id, kind, points, pending_points, reason, order_id, origin, actor, created_at
            FROM loyalty_entries WHERE workspace_id = \(bind: workspaceID) AND origin = \(bind: origin)
            """).first().flatMap(decode)
    }

    func customersWithBalances(workspaceID: String, after cursor: String?, limit: Int) async throws -> [String] {
        var query: SQLQueryString = "SELECT customer_id FROM loyalty_balances WHERE workspace_id = \(bind: workspaceID)"
        if let cursor { query += " AND customer_id > \(bind: cursor)" }
        query += " ORDER BY customer_id LIMIT \(unsafeRaw: String(max(1, limit)))"
        return try await handle.sql.raw(query).all().map { try $0.string("customer_id") }
    }

    func expirySums(workspaceID: String, before cutoff: Date, customerIDs: [String]) async throws -> [LoyaltyExpirySums] {
        guard !customerIDs.isEmpty else { return [] }
        let cutoff = Timestamp.microseconds(cutoff)
        // Inside: one row per order (its earned, released and returned points together, dated by
        // when they first became usable) and one per customer for the rest. Outside: per customer.
        let orderKinds = "'\(LoyaltyEntryKind.earn.rawValue)', '\(LoyaltyEntryKind.release.rawValue)', '\(LoyaltyEntryKind.reverse.rawValue)'"
        let expire = "'\(LoyaltyEntryKind.expire.rawValue)'"
        return try await handle.sql.raw("""
            SELECT customer_id,
              CAST(SUM(CASE WHEN since < \(bind: cutoff) AND net > 0 THEN net ELSE 0 END) + SUM(credited) AS BIGINT) AS credited,
              CAST(SUM(taken) AS BIGINT) AS taken, CAST(SUM(expired) AS BIGINT) AS expired
            FROM (
              SELECT customer_id,
                CASE WHEN kind IN (\(unsafeRaw: orderKinds)) THEN 'order:' || COALESCE(order_id, '') ELSE 'other' END AS part,
                SUM(CASE WHEN kind IN (\(unsafeRaw: orderKinds)) THEN points ELSE 0 END) AS net,
                MIN(CASE WHEN kind IN (\(unsafeRaw: orderKinds)) AND points > 0 THEN created_at END) AS since,
                SUM(CASE WHEN kind NOT IN (\(unsafeRaw: orderKinds), \(unsafeRaw: expire)) AND points > 0 AND created_at < \(bind: cutoff)
                  THEN points ELSE 0 END) AS credited,
                SUM(CASE WHEN kind NOT IN (\(unsafeRaw: orderKinds), \(unsafeRaw: expire)) AND points < 0 THEN -points ELSE 0 END) AS taken,
                SUM(CASE WHEN kind = \(unsafeRaw: expire) THEN -points ELSE 0 END) AS expired
              FROM loyalty_entries WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: customerIDs))
              GROUP BY customer_id, part
            ) parts
            GROUP BY customer_id ORDER BY customer_id
            """).all().map {
            LoyaltyExpirySums(
                customerID: try $0.string("customer_id"), creditedBeforeCutoff: try $0.int("credited"), taken: try $0.int("taken"),
                expired: try $0.int("expired"))
        }
    }

    func lockBalances(customerIDs: [String], workspaceID: String) async throws {
        guard handle.dialect.kind == .postgresql, handle.inTransaction, !customerIDs.isEmpty else { return }
        try await handle.sql.raw("""
            SELECT customer_id FROM loyalty_balances b WHERE workspace_id = \(bind: workspaceID) AND customer_id IN (\(binds: customerIDs))
            ORDER BY customer_id\(unsafeRaw: handle.dialect.lockForUpdate(of: "b", in: handle))
            """).run()
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
        func count(_ values: [some ColumnValue]) {
            guard values.count == 4, let order = values[0].textValue, let kind = values[1].textValue.flatMap(LoyaltyEntryKind.init(rawValue:)),
                let points = values[2].integerValue, let pending = values[3].integerValue
            else { return }
            standings[order, default: LoyaltyOrderStanding()].count(kind: kind, points: points, pendingPoints: pending)
        }
        if let connection = handle.postgres {
            // Every order in one statement, the ids as one array parameter, rows read by position.
            let rows = try await connection.query("""
                SELECT order_id, kind, CAST(SUM(points) AS BIGINT), CAST(SUM(pending_points) AS BIGINT) FROM loyalty_entries
                WHERE workspace_id = \(workspaceID) AND order_id = ANY(\(orderIDs)) GROUP BY order_id, kind
                """, logger: connection.logger)
            for try await row in rows { count(Array(row)) }
            return standings
        }
        for ids in orderIDs.slices(of: Self.idsPerStatement) {
            let sql = """
                SELECT order_id, kind, SUM(points), SUM(pending_points) FROM loyalty_entries
                WHERE workspace_id = ? AND order_id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))
                GROUP BY order_id, kind
                """
            for row in try await handle.sqliteConnection.query(sql, [.text(workspaceID)] + ids.map { .text($0) }) {
                count(row.columns.map(\.data))
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
        guard !done.isEmpty else { return }
        if let connection = handle.postgres {
            try await connection.query("DELETE FROM loyalty_holds WHERE id = ANY(\(done))", logger: connection.logger)
            return
        }
        for slice in done.slices(of: Self.idsPerStatement) {
            try await handle.sql.raw("DELETE FROM loyalty_holds WHERE id IN (\(binds: slice))").run()
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
        if handle.postgres != nil { return try await postgresOrders(workspaceID: workspaceID, ids: ids, after: nil, stripe: (0, 1), limit: nil) }
        var orders: [LoyaltyOrder] = []
        for slice in ids.slices(of: Self.idsPerStatement) {
            let sql = """
                SELECT \(Self.orderColumns) FROM orders WHERE workspace_id = ?
                AND id IN (\(Array(repeating: "?", count: slice.count).joined(separator: ","))) ORDER BY id
                """
            orders += try await handle.sqliteConnection.query(sql, [.text(workspaceID)] + slice.map { .text($0) })
                .compactMap { Self.loyaltyOrder($0.columns.map(\.data)) }
        }
        return orders
    }

    func orders(workspaceID: String, after cursor: String?, stripe: Int, of stripes: Int, limit: Int) async throws -> [LoyaltyOrder] {
        if handle.postgres != nil {
            return try await postgresOrders(workspaceID: workspaceID, ids: nil, after: cursor, stripe: (stripe, stripes), limit: limit)
        }
        // A replay reads every order: read by column position (SQLKit's generic row decoding by
        // name costs more than the engine's own work here).
        var sql = "SELECT \(Self.orderColumns) FROM orders WHERE workspace_id = ?"
        var binds: [SQLiteData] = [.text(workspaceID)]
        if let cursor {
            sql += " AND id > ?"
            binds.append(.text(cursor))
        }
        sql += Self.stripeCondition(stripe, of: stripes) + " ORDER BY id LIMIT \(limit)"
        return try await handle.sqliteConnection.query(sql, binds).compactMap { Self.loyaltyOrder($0.columns.map(\.data)) }
    }

    /// The share of ids `stripe` of `stripes` by their last character (a ULID's last is random):
    /// the Crockford alphabet cut into `stripes` runs, and the last share also holds any id that
    /// ends in another character, so the shares hold every id once. Empty for one share.
    private static func stripeCondition(_ stripe: Int, of stripes: Int) -> String {
        guard stripes > 1 else { return "" }
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        func run(_ share: Int) -> String {
            alphabet[(share * alphabet.count / stripes)..<((share + 1) * alphabet.count / stripes)].map { "'\($0)'" }.joined(separator: ",")
        }
        let last = "substr(id, length(id), 1)"
        if stripe < stripes - 1 { return " AND \(last) IN (\(run(stripe)))" }
        return " AND \(last) NOT IN (\((0..<(stripes - 1)).map(run).joined(separator: ",")))"
    }

    /// The orders of a workspace by id (those named, or a page of a share after `cursor`),
    /// read by position; locked in a write transaction.
    private func postgresOrders(
        workspaceID: String, ids: [String]?, after cursor: String?, stripe: (index: Int, count: Int), limit: Int?
    ) async throws -> [LoyaltyOrder] {
        guard let connection = handle.postgres else { return [] }
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(workspaceID)
        var sql = "SELECT \(Self.orderColumns) FROM orders o WHERE workspace_id = $1"
        if let ids {
            bindings.append(ids)
            sql += " AND id = ANY($\(bindings.count))"
        }
        if let cursor {
            bindings.append(cursor)
            sql += " AND id > $\(bindings.count)"
        }
        sql += Self.stripeCondition(stripe.index, of: stripe.count) + " ORDER BY id"
        if let limit { sql += " LIMIT \(limit)" }
        sql += handle.dialect.lockForUpdate(of: "o", in: handle)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: connection.logger)
        var orders: [LoyaltyOrder] = []
        for try await row in rows {
            if let order = Self.loyaltyOrder(Array(row)) { orders.append(order) }
        }
        return orders
    }

    /// An order from its `orderColumns` values in order, as either engine reads them by
    /// position; nil when its status is unknown to this build or a value is missing.
    private static func loyaltyOrder(_ values: [some ColumnValue]) -> LoyaltyOrder? {
        guard values.count == 16, let id = values[0].textValue, let workspaceID = values[1].textValue, let customerID = values[2].textValue,
            let number = values[3].textValue, let status = values[4].textValue.flatMap(OrderStatus.init(rawValue:)),
            let currency = values[5].textValue, let subtotal = values[6].integerValue, let discount = values[7].integerValue,
            let tax = values[8].integerValue, let shipping = values[9].integerValue, let total = values[10].integerValue,
            let refunded = values[11].integerValue, let placed = values[12].integerValue, let created = values[15].integerValue
        else { return nil }
        return LoyaltyOrder(
            id: id, workspaceID: workspaceID, customerID: customerID, number: number, status: status, currency: currency,
            totals: OrderTotals(subtotal: subtotal, discount: discount, tax: tax, shipping: shipping, total: total, refunded: refunded),
            placedAt: Timestamp.date(microseconds: placed), fulfilledAt: values[13].integerValue.map(Timestamp.date(microseconds:)),
            deliveredAt: values[14].integerValue.map(Timestamp.date(microseconds:)), createdAt: Timestamp.date(microseconds: created))
    }

    func customersWithoutPoints(_ ids: [String], workspaceID: String) async throws -> Set<String> {
        let barred = "erased_at IS NOT NULL OR deleted_at IS NOT NULL OR merged_into_id IS NOT NULL"
        var found = Set<String>()
        if let connection = handle.postgres {
            let rows = try await connection.query(
                "SELECT id FROM customers WHERE workspace_id = \(workspaceID) AND id = ANY(\(ids)) AND (\(unescaped: barred))",
                logger: connection.logger)
            for try await row in rows {
                if let id = row.first?.textValue { found.insert(id) }
            }
            return found
        }
        for slice in ids.slices(of: Self.idsPerStatement) {
            let sql = """
                SELECT id FROM customers WHERE workspace_id = ? AND id IN (\(Array(repeating: "?", count: slice.count).joined(separator: ",")))
                AND (\(barred))
                """
            for row in try await handle.sqliteConnection.query(sql, [.text(workspaceID)] + slice.map { .text($0) }) {
                if let id = row.columns.first?.data.textValue { found.insert(id) }
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

    func account(customerID: String, workspaceID: String, page: PageRequest) async throws -> LoyaltyAccountRecord? {
        // The live customer's row joined to the programme and the balance row, once per entry of
        // the page (the newest of the `(customer_id, id)` index); one row with no entry when the
        // ledger is empty, none when the customer is not live.
        var entries: SQLQueryString = """
            SELECT id, workspace_id, customer_id, kind, points, pending_points, reason, order_id, origin, actor, created_at
            FROM loyalty_entries WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            """
        if let cursor = page.startingAfter { entries += " AND id < \(bind: cursor)" }
        entries += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw("""
            SELECT p.settings AS program_settings, b.balance AS balance_usable, b.pending AS balance_pending, b.qualifying AS balance_qualifying, e.*
            FROM customers c
            LEFT JOIN loyalty_programs p ON p.workspace_id = c.workspace_id
            LEFT JOIN loyalty_balances b ON b.customer_id = c.id AND b.workspace_id = c.workspace_id
            LEFT JOIN (\(entries)) e ON 1 = 1
            WHERE c.id = \(bind: customerID) AND c.workspace_id = \(bind: workspaceID)
              AND c.deleted_at IS NULL AND c.merged_into_id IS NULL AND c.erased_at IS NULL
            ORDER BY e.id DESC
            """).all()
        guard let first = rows.first else { return nil }
        let program = try first.optionalString("program_settings").map { try StoredJSON.decode(LoyaltyProgram.self, from: $0) }
        let balance = LoyaltyBalance(
            customerID: customerID, balance: try first.optionalInt("balance_usable") ?? 0, pending: try first.optionalInt("balance_pending") ?? 0,
            qualifying: try first.optionalInt("balance_qualifying") ?? 0)
        let ledgerIsEmpty = try first.optionalString("id") == nil
        let written = ledgerIsEmpty ? [] : rows
        return LoyaltyAccountRecord(
            program: program, balance: balance,
            entries: Page(items: try written.prefix(page.limit).compactMap(decode), hasMore: written.count > page.limit))
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
