import Foundation
import RapportCore
import SQLKit

/// What campaign personalisation reads for a batch of recipients: one statement per kind
/// (per `personalisationCustomers` customers), the same SQL on both engines.
extension SQLCampaignRepository {
    /// Customers per statement: the latest orders take a subquery each, well inside SQLite's
    /// 500 terms of a compound SELECT.
    private static let personalisationCustomers = 100

    func latestOrders(customerIDs: [String], workspaceID: String) async throws -> [CampaignOrder] {
        var orders: [CampaignOrder] = []
        for slice in customerIDs.slices(of: Self.personalisationCustomers) {
            // Each customer's latest order from the `orders_customer` index, stopping at the
            // first; then its first lines, and how many it has.
            var latest: SQLQueryString = ""
            for (index, customerID) in slice.enumerated() {
                if index > 0 { latest += " UNION ALL " }
                latest += """
                    SELECT * FROM (SELECT id, customer_id, number, status, currency, total, placed_at, fulfillments FROM orders
                      WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID) AND status <> 'cancelled'
                      ORDER BY placed_at DESC, id DESC LIMIT 1) AS o\(unsafeRaw: String(index))
                    """
            }
            var query: SQLQueryString = """
                SELECT o.id AS order_id, o.customer_id AS customer_id, o.number AS number, o.status AS status, o.currency AS currency,
                  o.total AS total, o.placed_at AS placed_at, o.fulfillments AS fulfillments,
                  (SELECT COUNT(*) FROM order_lines n WHERE n.order_id = o.id) AS line_count,
                  l.id AS line_id, l.product_id AS product_id, l.variant_id AS variant_id, l.sku AS sku, l.title AS title,
                  l.quantity AS quantity, l.unit_price AS unit_price, l.discount AS discount
                FROM (
                """
            query += latest
            query += """
                ) AS o LEFT JOIN order_lines l ON l.order_id = o.id AND l.position < \(unsafeRaw: String(CampaignOrder.listedItems))
                ORDER BY o.customer_id, l.position
                """
            var current: CampaignOrder?
            for row in try await handle.sql.raw(query).all() {
                let customerID = try row.string("customer_id")
                if current?.customerID != customerID {
                    if let finished = current { orders.append(finished) }
                    current = CampaignOrder(
                        customerID: customerID, number: try row.string("number"),
                        status: OrderStatus(rawValue: try row.string("status")) ?? .pending, total: try row.int("total"),
                        currency: try row.string("currency"), placedAt: try row.date("placed_at"), lines: [],
                        lineCount: Int(try row.int("line_count")),
                        shipment: try StoredJSON.decodeList([Fulfillment].self, from: try row.string("fulfillments")).last)
                }
                if let lineID = try row.optionalString("line_id") {
                    current?.lines.append(OrderLine(
                        id: lineID, productID: try row.optionalString("product_id"), variantID: try row.optionalString("variant_id"),
                        sku: try row.optionalString("sku"), title: try row.string("title"), quantity: Int(try row.int("quantity")),
                        unitPrice: try row.int("unit_price"), discount: try row.int("discount")))
                }
            }
            if let finished = current { orders.append(finished) }
        }
        return orders
    }

    func recipientInsights(customerIDs: [String], workspaceID: String) async throws -> [CampaignRecipientInsight] {
        var insights: [CampaignRecipientInsight] = []
        for slice in customerIDs.slices(of: Self.personalisationCustomers) {
            insights += try await handle.sql.raw("""
                SELECT customer_id, segment, monetary_score FROM customer_rfm
                WHERE customer_id IN (\(binds: slice)) AND workspace_id = \(bind: workspaceID)
                """).all().compactMap { row -> CampaignRecipientInsight? in
                guard let segment = RFMSegment(rawValue: try row.string("segment")) else { return nil }
                return CampaignRecipientInsight(customerID: try row.string("customer_id"), segment: segment, monetaryScore: Int(try row.int("monetary_score")))
            }
        }
        return insights
    }

    func products(ids: [String], workspaceID: String) async throws -> [CampaignProduct] {
        var products: [CampaignProduct] = []
        for slice in ids.slices(of: Self.personalisationCustomers) {
            products += try await handle.sql.raw("""
                SELECT p.id AS id, p.external_id AS external_id, p.title AS title, p.image_url AS image_url, v.sku AS sku, v.price AS price,
                  v.currency AS currency
                FROM products p LEFT JOIN product_variants v ON v.product_id = p.id AND v.position = 0
                WHERE p.workspace_id = \(bind: workspaceID) AND p.id IN (\(binds: slice)) AND p.active = 1
                """).all().map { row in
                CampaignProduct(
                    productID: try row.string("id"), externalID: try row.string("external_id"), sku: try row.optionalString("sku"),
                    title: try row.string("title"), imageURL: try row.optionalString("image_url"),
                    price: try row.decode(column: "price", as: Int64?.self), currency: try row.optionalString("currency"))
            }
        }
        return products
    }

    func reviewOrders(enrolmentIDs: [String], customerIDs: [String], workspaceID: String) async throws
        -> (byEnrolment: [String: (orderID: String, customerID: String)], latestDelivered: [String: String])
    {
        var byEnrolment: [String: (orderID: String, customerID: String)] = [:]
        for slice in enrolmentIDs.slices(of: Self.personalisationCustomers) {
            for row in try await handle.sql.raw("""
                SELECT e.id AS id, o.id AS order_id, o.customer_id AS customer_id FROM journey_enrolments e JOIN orders o ON o.id = e.order_id
                WHERE e.id IN (\(binds: slice)) AND e.workspace_id = \(bind: workspaceID) AND o.workspace_id = \(bind: workspaceID)
                """).all() {
                byEnrolment[try row.string("id")] = (try row.string("order_id"), try row.string("customer_id"))
            }
        }
        // Each customer's latest delivered order (cancelled and wholly refunded ones left out),
        // from the `orders_customer` index, one row each.
        var latestDelivered: [String: String] = [:]
        let excluded = [OrderStatus.cancelled.rawValue, OrderStatus.refunded.rawValue]
        for slice in customerIDs.slices(of: Self.personalisationCustomers) {
            var query: SQLQueryString = ""
            for (index, customerID) in slice.enumerated() {
                if index > 0 { query += " UNION ALL " }
                query += """
                    SELECT * FROM (SELECT customer_id, id FROM orders
                      WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID) AND delivered_at IS NOT NULL
                        AND status NOT IN (\(binds: excluded))
                      ORDER BY delivered_at DESC, id DESC LIMIT 1) AS d\(unsafeRaw: String(index))
                    """
            }
            for row in try await handle.sql.raw(query).all() { latestDelivered[try row.string("customer_id")] = try row.string("id") }
        }
        return (byEnrolment, latestDelivered)
    }
}
