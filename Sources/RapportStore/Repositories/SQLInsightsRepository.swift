import Foundation
import RapportCore
import RapportInsights
import SQLKit

/// Order aggregates for the insights, and the stored lifetime values.
struct SQLInsightsRepository: InsightsRepository {
    let handle: SQLConnectionHandle

    func mainCurrency(workspaceID: String) async throws -> String? {
        try await handle.sql.raw("""
            SELECT currency, COUNT(*) AS orders FROM orders WHERE workspace_id = \(bind: workspaceID)
            GROUP BY currency ORDER BY orders DESC, currency LIMIT 1
            """).first().map { try $0.string("currency") }
    }

    func purchaseDays(workspaceID: String, currency: String, before: Date) async throws -> [PurchaseDay] {
        try await handle.sql.raw("""
            SELECT o.customer_id AS customer_id, o.placed_at / 86400000000 AS day, CAST(SUM(o.total - o.refunded) AS BIGINT) AS value
            FROM orders o JOIN customers c ON c.id = o.customer_id
            WHERE o.workspace_id = \(bind: workspaceID) AND o.currency = \(bind: currency)
              AND o.status NOT IN ('cancelled', 'refunded') AND o.placed_at < \(bind: Timestamp.microseconds(before))
              AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
            GROUP BY 1, 2 ORDER BY 1, 2
            """).all().map { row in
            PurchaseDay(customer: try row.string("customer_id"), day: Int(try row.int("day")), value: Double(try row.int("value")))
        }
    }

    func replaceLifetimeValues(_ values: [CustomerLifetimeValue], model: LifetimeModel) async throws {
        try await handle.sql.raw("DELETE FROM customer_lifetime_values WHERE workspace_id = \(bind: model.workspaceID)").run()
        try await handle.dialect.bulkInsert(
            table: "customer_lifetime_values",
            columns: ["customer_id", "workspace_id", "expected_purchases", "probability_alive", "expected_order_value", "lifetime_value",
                "currency", "computed_at"],
            rows: values.map { value in
                [.text(value.customerID), .text(value.workspaceID), .real(value.forecast.expectedPurchases),
                 .real(value.forecast.probabilityAlive), .real(value.forecast.expectedOrderValue), .real(value.forecast.lifetimeValue),
                 .text(value.currency), .integer(Timestamp.microseconds(value.computedAt))]
            }, on: handle)
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
