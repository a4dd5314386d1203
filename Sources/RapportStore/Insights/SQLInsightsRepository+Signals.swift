import Foundation
import RapportCore
import RapportLearning
import SQLKit

extension SQLInsightsRepository {
    /// Customers per statement: each is a subquery of its own, well inside SQLite's 500 terms
    /// of a compound SELECT.
    private static let signalCustomers = 100

    /// One statement per kind for a batch: a subquery per customer, each taking the customer's
    /// newest rows from their index and stopping at `limit`, joined by `UNION ALL`.
    func recommendationSignals(workspaceID: String, customerIDs: [String], limit: Int, weights: [String: Double]) async throws
        -> (lines: [PurchasedLine], events: [ItemInteraction])
    {
        var lines: [PurchasedLine] = []
        var events: [ItemInteraction] = []
        let names = weights.keys.sorted()
        for slice in customerIDs.slices(of: Self.signalCustomers) {
            var lineQuery: SQLQueryString = ""
            var eventQuery: SQLQueryString = ""
            for (index, customerID) in slice.enumerated() {
                if index > 0 {
                    lineQuery += " UNION ALL "
                    eventQuery += " UNION ALL "
                }
                lineQuery += """
                    SELECT * FROM (SELECT o.id AS order_id, o.customer_id AS customer_id, l.product_id AS product_id, o.placed_at AS placed_at,
                        l.position AS line_position
                      FROM orders o JOIN order_lines l ON l.order_id = o.id
                      WHERE o.customer_id = \(bind: customerID) AND o.workspace_id = \(bind: workspaceID) AND o.status <> 'cancelled'
                        AND l.product_id IS NOT NULL
                      ORDER BY o.placed_at DESC, o.id, l.position LIMIT \(unsafeRaw: String(limit))) AS s\(unsafeRaw: String(index))
                    """
                eventQuery += """
                    SELECT * FROM (SELECT t.customer_id AS customer_id, p.id AS product_id, t.name AS name, t.occurred_at AS occurred_at,
                        t.sequence AS event_sequence
                      FROM tracked_events t JOIN products p ON p.workspace_id = t.workspace_id AND p.external_id = t.product_ref
                      WHERE t.customer_id = \(bind: customerID) AND t.workspace_id = \(bind: workspaceID) AND t.product_ref IS NOT NULL
                        AND t.name IN (\(binds: names))
                      ORDER BY t.occurred_at DESC, t.sequence DESC LIMIT \(unsafeRaw: String(limit))) AS e\(unsafeRaw: String(index))
                    """
            }
            lineQuery += " ORDER BY customer_id, placed_at DESC, order_id, line_position"
            eventQuery += " ORDER BY customer_id, occurred_at DESC, event_sequence DESC"
            lines += try await handle.sql.raw(lineQuery).all().map { row in
                PurchasedLine(
                    orderID: try row.string("order_id"), customerID: try row.string("customer_id"), productID: try row.string("product_id"),
                    placedAt: try row.date("placed_at"))
            }
            guard !names.isEmpty else { continue }
            events += try await handle.sql.raw(eventQuery).all().map { row in
                ItemInteraction(
                    user: try row.string("customer_id"), item: try row.string("product_id"),
                    time: try row.date("occurred_at").timeIntervalSince1970, weight: weights[try row.string("name")] ?? 0)
            }
        }
        return (lines, events)
    }
}
