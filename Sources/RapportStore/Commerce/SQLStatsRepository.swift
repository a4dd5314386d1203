import RapportCore
import SQLKit

struct SQLStatsRepository: StatsRepository {
    let handle: SQLConnectionHandle

    func counts(workspaceID: String) async throws -> StoreCounts {
        let row = try await handle.sql.raw("""
            SELECT
              (SELECT COUNT(*) FROM customers WHERE workspace_id = \(bind: workspaceID)
                 AND deleted_at IS NULL AND merged_into_id IS NULL) AS customers,
              (SELECT COUNT(*) FROM customer_identities WHERE workspace_id = \(bind: workspaceID)) AS identities,
              (SELECT COUNT(*) FROM products WHERE workspace_id = \(bind: workspaceID)) AS products,
              (SELECT COUNT(*) FROM orders WHERE workspace_id = \(bind: workspaceID)) AS orders,
              (SELECT COUNT(*) FROM returns WHERE workspace_id = \(bind: workspaceID)) AS returns,
              (SELECT COUNT(*) FROM tracked_events WHERE workspace_id = \(bind: workspaceID)) AS tracked_events,
              (SELECT COUNT(*) FROM interactions WHERE workspace_id = \(bind: workspaceID)) AS interactions
            """).first()
        guard let row else { return StoreCounts(customers: 0, identities: 0, products: 0, orders: 0, returns: 0, trackedEvents: 0, interactions: 0) }
        return StoreCounts(
            customers: Int(try row.int("customers")), identities: Int(try row.int("identities")),
            products: Int(try row.int("products")), orders: Int(try row.int("orders")),
            returns: Int(try row.int("returns")), trackedEvents: Int(try row.int("tracked_events")),
            interactions: Int(try row.int("interactions")))
    }
}
