import Foundation
import RapportInsights

/// What the insights read from orders, and the lifetime values they store.
public protocol InsightsRepository: Sendable {
    /// The currency most of the workspace's orders are in; nil without orders.
    func mainCurrency(workspaceID: String) async throws -> String?
    /// Per live customer and day (UTC): their orders in `currency` placed before `before`,
    /// cancelled ones left out, net of refunds, in minor units; grouped by customer, days in
    /// order.
    func purchaseDays(workspaceID: String, currency: String, before: Date) async throws -> [PurchaseDay]
    /// Replaces the workspace's model and every customer's value with these.
    func replaceLifetimeValues(_ values: [CustomerLifetimeValue], model: LifetimeModel) async throws
    func lifetimeModel(workspaceID: String) async throws -> LifetimeModel?
    func lifetimeValue(customerID: String, workspaceID: String) async throws -> CustomerLifetimeValue?
    /// The workspace's customers with the highest lifetime value first.
    func topLifetimeValues(workspaceID: String, limit: Int) async throws -> [CustomerLifetimeValue]
}
