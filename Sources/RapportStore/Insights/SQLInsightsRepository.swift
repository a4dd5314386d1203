import Foundation
import RapportCore
import RapportLearning
import SQLKit

/// Order aggregates for the insights, and the stored lifetime values.
struct SQLInsightsRepository: InsightsRepository {
    let handle: SQLConnectionHandle

    /// How many of the latest orders decide the main currency (bounded, so the figure costs the
    /// same in a store with a million orders).
    private static let currencySample = 2_000

    func mainCurrency(workspaceID: String) async throws -> String? {
        try await handle.sql.raw("""
            SELECT currency, COUNT(*) AS orders FROM (
              SELECT currency FROM orders WHERE workspace_id = \(bind: workspaceID)
              ORDER BY placed_at DESC LIMIT \(unsafeRaw: String(Self.currencySample))) latest
            GROUP BY currency ORDER BY orders DESC, currency LIMIT 1
            """).first().map { try $0.string("currency") }
    }

    func purchaseDays(workspaceID: String, currency: String, before: Date, customers: [String]?) async throws -> [PurchaseDay] {
        var days: [PurchaseDay] = []
        for slice in Self.slices(customers) {
            var query: SQLQueryString = """
                SELECT o.customer_id AS customer_id, o.placed_at / 86400000000 AS day, CAST(SUM(o.total - o.refunded) AS BIGINT) AS value
                FROM orders o JOIN customers c ON c.id = o.customer_id
                WHERE \(Self.scope(workspaceID, slice)) AND o.currency = \(bind: currency)
                  AND o.status NOT IN ('cancelled', 'refunded') AND o.placed_at < \(bind: Timestamp.microseconds(before))
                  AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
                """
            query += " GROUP BY 1, 2 ORDER BY 1, 2"
            days += try await handle.sql.raw(query).all().map { row in
                PurchaseDay(customer: try row.string("customer_id"), day: Int(try row.int("day")), value: Double(try row.int("value")))
            }
        }
        return days
    }

    func saveLifetimeValues(_ values: [CustomerLifetimeValue], model: LifetimeModel, replacing customers: [String]?) async throws {
        try await clear("customer_lifetime_values", workspaceID: model.workspaceID, customers: customers)
        try await insertLifetimeValues(values)
        try await save(model)
    }

    /// How many customer ids one statement binds.
    private static let sliceSize = 500

    /// `customers` in slices one statement can bind, sorted slices of a sorted list; nil is one
    /// pass over everyone, and no customers no pass at all.
    private static func slices(_ customers: [String]?) -> [[String]?] {
        guard let customers else { return [nil] }
        return customers.slices(of: sliceSize)
    }

    /// The orders `o` of customers `c` to read: the workspace's, or those of a slice of its
    /// customers — then scoped through the customers, so that without statistics SQLite still
    /// walks the orders by customer rather than the whole workspace's orders by date (and
    /// PostgreSQL, with them, does the same).
    private static func scope(_ workspaceID: String, _ slice: [String]?) -> SQLQueryString {
        guard let slice else { return "o.workspace_id = \(bind: workspaceID)" }
        return "c.workspace_id = \(bind: workspaceID) AND o.customer_id IN (\(binds: slice))"
    }

    /// Deletes a workspace's per-customer rows of `table` before new ones are written: all of
    /// them, or those of `customers` (the workspace's own, so found by primary key alone).
    private func clear(_ table: String, workspaceID: String, customers: [String]?) async throws {
        for slice in Self.slices(customers) {
            let query: SQLQueryString = slice.map { "DELETE FROM \(ident: table) WHERE customer_id IN (\(binds: $0))" }
                ?? "DELETE FROM \(ident: table) WHERE workspace_id = \(bind: workspaceID)"
            try await handle.sql.raw(query).run()
        }
    }

    private func insertLifetimeValues(_ values: [CustomerLifetimeValue]) async throws {
        try await handle.dialect.bulkInsert(
            table: "customer_lifetime_values",
            columns: ["customer_id", "workspace_id", "expected_purchases", "probability_alive", "expected_order_value", "lifetime_value",
                "currency", "computed_at"],
            rows: values.map { value in
                [.text(value.customerID), .text(value.workspaceID), .real(value.forecast.expectedPurchases),
                 .real(value.forecast.probabilityAlive), .real(value.forecast.expectedOrderValue), .real(value.forecast.lifetimeValue),
                 .text(value.currency), .integer(Timestamp.microseconds(value.computedAt))]
            }, on: handle)
    }

    private func save(_ model: LifetimeModel) async throws {
        try await handle.sql.raw("""
            INSERT INTO lifetime_models (workspace_id, model, fitted_at)
            VALUES (\(bind: model.workspaceID), \(bind: try PlainJSON.encode(model)), \(bind: Timestamp.microseconds(model.fittedAt)))
            ON CONFLICT (workspace_id) DO UPDATE SET model = excluded.model, fitted_at = excluded.fitted_at
            """).run()
    }

    func lifetimeModel(workspaceID: String) async throws -> LifetimeModel? {
        try await handle.sql.raw("SELECT model FROM lifetime_models WHERE workspace_id = \(bind: workspaceID)").first()
            .map { try PlainJSON.decode(LifetimeModel.self, from: try $0.string("model")) }
    }

    func lifetimeValue(customerID: String, workspaceID: String) async throws -> CustomerLifetimeValue? {
        try await handle.sql.raw("""
            SELECT * FROM customer_lifetime_values WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            """).first().map(decode)
    }

    func topLifetimeValues(workspaceID: String, limit: Int) async throws -> [CustomerLifetimeValue] {
        try await handle.sql.raw("""
            SELECT * FROM customer_lifetime_values WHERE workspace_id = \(bind: workspaceID)
            ORDER BY lifetime_value DESC, customer_id LIMIT \(bind: limit)
            """).all().map(decode)
    }

    func purchasedLines(workspaceID: String, customerID: String?, since: Date?, limit: Int?) async throws -> [PurchasedLine] {
        var query: SQLQueryString = """
            SELECT o.id AS order_id, o.customer_id AS customer_id, l.product_id AS product_id, o.placed_at AS placed_at
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.workspace_id = \(bind: workspaceID) AND o.status <> 'cancelled' AND l.product_id IS NOT NULL
            """
        if let customerID { query += " AND o.customer_id = \(bind: customerID)" }
        if let since { query += " AND o.placed_at >= \(bind: Timestamp.microseconds(since))" }
        query += " ORDER BY o.placed_at DESC, o.id, l.position"
        if let limit { query += " LIMIT \(bind: limit)" }
        return try await handle.sql.raw(query).all().map { row in
            PurchasedLine(
                orderID: try row.string("order_id"), customerID: try row.string("customer_id"), productID: try row.string("product_id"),
                placedAt: try row.date("placed_at"))
        }
    }

    func ordersChanged(workspaceID: String, since: Date) async throws -> Int {
        try await handle.sql.raw("""
            SELECT COUNT(*) AS changed FROM orders
            WHERE workspace_id = \(bind: workspaceID) AND updated_at >= \(bind: Timestamp.microseconds(since))
            """).first().map { Int(try $0.int("changed")) } ?? 0
    }

    func productEvents(
        workspaceID: String, customerID: String?, since: Date?, limit: Int?, weights: [String: Double]
    ) async throws -> [ItemInteraction] {
        var query: SQLQueryString = """
            SELECT t.customer_id AS customer_id, p.id AS product_id, t.name AS name, t.occurred_at AS occurred_at
            FROM tracked_events t JOIN products p ON p.workspace_id = t.workspace_id AND p.external_id = t.product_ref
            WHERE t.workspace_id = \(bind: workspaceID) AND t.customer_id IS NOT NULL AND t.product_ref IS NOT NULL
              AND t.name IN (\(binds: weights.keys.sorted()))
            """
        if let customerID { query += " AND t.customer_id = \(bind: customerID)" }
        if let since { query += " AND t.occurred_at >= \(bind: Timestamp.microseconds(since))" }
        query += " ORDER BY t.occurred_at DESC, t.sequence DESC"
        if let limit { query += " LIMIT \(bind: limit)" }
        return try await handle.sql.raw(query).all().map { row in
            ItemInteraction(
                user: try row.string("customer_id"), item: try row.string("product_id"),
                time: try row.date("occurred_at").timeIntervalSince1970, weight: weights[try row.string("name")] ?? 0)
        }
    }

    func productCategories(workspaceID: String) async throws -> [String: [String]] {
        var categories: [String: [String]] = [:]
        for row in try await handle.sql.raw("""
            SELECT id, categories FROM products WHERE workspace_id = \(bind: workspaceID) AND active = 1
            """).all() {
            categories[try row.string("id")] = try StoredJSON.decodeList([String].self, from: try row.string("categories"))
        }
        return categories
    }

    func orderFacts(workspaceID: String, currency: String, from: Date, to: Date, filter: CustomerFilter) async throws -> [OrderFact] {
        var query: SQLQueryString = """
            SELECT o.id AS id, o.customer_id AS customer_id, o.placed_at AS placed_at, o.total - o.refunded AS revenue,
              CASE WHEN EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.id) THEN 1 ELSE 0 END AS returned,
              \(unsafeRaw: Self.firstOrder) AS first_at,
              (SELECT MAX(p.placed_at) FROM orders p
               WHERE p.customer_id = o.customer_id AND p.status <> 'cancelled' AND p.currency = o.currency
                 AND p.placed_at < o.placed_at) AS previous_at
            FROM orders o JOIN customers c ON c.id = o.customer_id
            """
        query += rangeClause(workspaceID: workspaceID, currency: currency, from: from, to: to, filter: filter)
        query += " ORDER BY o.placed_at, o.id"
        return try await handle.sql.raw(query).all().map { row in
            OrderFact(
                orderID: try row.string("id"), customerID: try row.string("customer_id"), placedAt: try row.date("placed_at"),
                revenue: try row.int("revenue"), returned: try row.int("returned") != 0, firstOrderAt: try row.date("first_at"),
                previousOrderAt: try row.optionalDate("previous_at"))
        }
    }

    /// The first order (not cancelled, same currency) of the customer of order `o`.
    private static let firstOrder = """
        (SELECT MIN(f.placed_at) FROM orders f WHERE f.customer_id = o.customer_id AND f.status <> 'cancelled' AND f.currency = o.currency)
        """

    func revenue(workspaceID: String, currency: String, from: Date, to: Date, filter: CustomerFilter) async throws -> Int64 {
        var query: SQLQueryString = """
            SELECT CAST(COALESCE(SUM(o.total - o.refunded), 0) AS BIGINT) AS revenue FROM orders o JOIN customers c ON c.id = o.customer_id
            """
        query += rangeClause(workspaceID: workspaceID, currency: currency, from: from, to: to, filter: filter)
        return try await handle.sql.raw(query).first().map { try $0.int("revenue") } ?? 0
    }

    /// The orders of a range, by live customers the filter admits.
    private func rangeClause(workspaceID: String, currency: String, from: Date, to: Date, filter: CustomerFilter) -> SQLQueryString {
        var clause: SQLQueryString = """
             WHERE o.workspace_id = \(bind: workspaceID) AND o.currency = \(bind: currency) AND o.status <> 'cancelled'
              AND o.placed_at >= \(bind: Timestamp.microseconds(from)) AND o.placed_at < \(bind: Timestamp.microseconds(to))
              AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
            """
        clause += filter.conditions(workspaceID: workspaceID, dialect: handle.dialect)
        return clause
    }

    func purchases(workspaceID: String, currency: String, customers: [String]?) async throws -> [CustomerPurchases] {
        var purchases: [CustomerPurchases] = []
        for slice in Self.slices(customers) {
            var query: SQLQueryString = """
                SELECT o.customer_id AS customer_id, o.placed_at AS placed_at, o.total - o.refunded AS net
                FROM orders o JOIN customers c ON c.id = o.customer_id
                WHERE \(Self.scope(workspaceID, slice)) AND o.currency = \(bind: currency) AND o.status <> 'cancelled'
                  AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
                """
            query += " ORDER BY o.customer_id, o.placed_at"
            var current: CustomerPurchases?
            for row in try await handle.sql.raw(query).all() {
                let customerID = try row.string("customer_id")
                if current?.customerID != customerID {
                    if let finished = current { purchases.append(finished) }
                    current = CustomerPurchases(customerID: customerID, placedAt: [], monetary: 0)
                }
                current?.placedAt.append(try row.date("placed_at"))
                current?.monetary += try row.int("net")
            }
            if let finished = current { purchases.append(finished) }
        }
        return purchases
    }

    func changedCustomers(workspaceID: String, after mark: Date) async throws -> [String] {
        try await handle.sql.raw("""
            SELECT customer_id AS id FROM orders WHERE workspace_id = \(bind: workspaceID) AND updated_at > \(bind: Timestamp.microseconds(mark))
            UNION SELECT id FROM customers WHERE workspace_id = \(bind: workspaceID) AND updated_at > \(bind: Timestamp.microseconds(mark))
            ORDER BY 1
            """).all().map { try $0.string("id") }
    }

    func lastChange(workspaceID: String) async throws -> Date? {
        try await handle.sql.raw("""
            SELECT MAX(changed) AS changed FROM (
              SELECT MAX(updated_at) AS changed FROM orders WHERE workspace_id = \(bind: workspaceID)
              UNION ALL SELECT MAX(updated_at) AS changed FROM customers WHERE workspace_id = \(bind: workspaceID)) AS latest
            """).first().flatMap { try $0.optionalDate("changed") }
    }

    func saveRFM(_ rows: [CustomerRFM], state: RFMState, replacing customers: [String]?) async throws {
        try await clear("customer_rfm", workspaceID: state.workspaceID, customers: customers)
        try await insertRFM(rows)
        try await save(state)
    }

    func cohortMembers(workspaceID: String, from: Date, to: Date, filter: CustomerFilter) async throws -> [CohortMember] {
        // The rounds drop the rows of deleted and merged customers, so without a segment the
        // covering index answers alone; a segment's conditions need the customers.
        var query: SQLQueryString = "SELECT r.first_order_at AS first_at, r.active_months AS months FROM customer_rfm r"
        if !filter.isEmpty { query += " JOIN customers c ON c.id = r.customer_id" }
        query += """
             WHERE r.workspace_id = \(bind: workspaceID) AND r.first_order_at >= \(bind: Timestamp.microseconds(from))
              AND r.first_order_at < \(bind: Timestamp.microseconds(to))
            """
        if !filter.isEmpty { query += " AND c.deleted_at IS NULL AND c.merged_into_id IS NULL" + filter.conditions(workspaceID: workspaceID, dialect: handle.dialect) }
        return try await handle.sql.raw(query).all().map { row in
            CohortMember(firstOrderAt: try row.date("first_at"), activeMonths: ActiveMonths(bits: try row.int("months")))
        }
    }

    private func insertRFM(_ rows: [CustomerRFM]) async throws {
        try await handle.dialect.bulkInsert(
            table: "customer_rfm",
            columns: ["customer_id", "workspace_id", "first_order_at", "active_months", "last_order_at", "orders", "monetary",
                "recency_score", "frequency_score", "monetary_score", "segment", "updated_at"],
            rows: rows.map { row in
                [.text(row.customerID), .text(row.workspaceID), .integer(Timestamp.microseconds(row.firstOrderAt)),
                 .integer(row.activeMonths.bits), .integer(Timestamp.microseconds(row.lastOrderAt)), .integer(Int64(row.orders)),
                 .integer(row.monetary), .integer(Int64(row.recencyScore)), .integer(Int64(row.frequencyScore)),
                 .integer(Int64(row.monetaryScore)), .text(row.segment.rawValue), .integer(Timestamp.microseconds(row.updatedAt))]
            }, on: handle)
    }

    private func save(_ state: RFMState) async throws {
        try await handle.sql.raw("""
            INSERT INTO rfm_states (workspace_id, thresholds, currency, orders_changed_through, computed_at)
            VALUES (\(bind: state.workspaceID), \(bind: try PlainJSON.encode(state.thresholds)), \(bind: state.currency),
              \(bind: Timestamp.microseconds(state.changesThrough)), \(bind: Timestamp.microseconds(state.computedAt)))
            ON CONFLICT (workspace_id) DO UPDATE SET thresholds = excluded.thresholds, currency = excluded.currency,
              orders_changed_through = excluded.orders_changed_through, computed_at = excluded.computed_at
            """).run()
    }

    func rfmState(workspaceID: String) async throws -> RFMState? {
        try await handle.sql.raw("SELECT * FROM rfm_states WHERE workspace_id = \(bind: workspaceID)").first().map { row in
            RFMState(
                workspaceID: workspaceID, thresholds: try PlainJSON.decode(RFMThresholds.self, from: try row.string("thresholds")),
                currency: try row.string("currency"), changesThrough: try row.date("orders_changed_through"),
                computedAt: try row.date("computed_at"))
        }
    }

    func customerRFM(customerID: String, workspaceID: String) async throws -> CustomerRFM? {
        try await handle.sql.raw("""
            SELECT * FROM customer_rfm WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID)
            """).first().map { row in
            CustomerRFM(
                customerID: customerID, workspaceID: workspaceID, firstOrderAt: try row.date("first_order_at"),
                activeMonths: ActiveMonths(bits: try row.int("active_months")), lastOrderAt: try row.date("last_order_at"),
                orders: Int(try row.int("orders")), monetary: try row.int("monetary"), recencyScore: Int(try row.int("recency_score")),
                frequencyScore: Int(try row.int("frequency_score")), monetaryScore: Int(try row.int("monetary_score")),
                segment: RFMSegment(rawValue: try row.string("segment")) ?? .lost, updatedAt: try row.date("updated_at"))
        }
    }

    func rfmGrid(workspaceID: String) async throws -> [RFMCell] {
        try await handle.sql.raw("""
            SELECT recency_score, frequency_score, COUNT(*) AS customers FROM customer_rfm WHERE workspace_id = \(bind: workspaceID)
            GROUP BY recency_score, frequency_score ORDER BY recency_score, frequency_score
            """).all().map { row in
            RFMCell(
                recencyScore: Int(try row.int("recency_score")), frequencyScore: Int(try row.int("frequency_score")),
                customers: Int(try row.int("customers")))
        }
    }

    private func decode(_ row: any SQLRow) throws -> CustomerLifetimeValue {
        CustomerLifetimeValue(
            customerID: try row.string("customer_id"), workspaceID: try row.string("workspace_id"),
            forecast: CustomerForecast(
                expectedPurchases: try row.decode(column: "expected_purchases", as: Double.self),
                probabilityAlive: try row.decode(column: "probability_alive", as: Double.self),
                expectedOrderValue: try row.decode(column: "expected_order_value", as: Double.self),
                lifetimeValue: try row.decode(column: "lifetime_value", as: Double.self)),
            currency: try row.string("currency"), computedAt: try row.date("computed_at"))
    }
}
