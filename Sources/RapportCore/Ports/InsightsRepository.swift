import Foundation
import RapportLearning

/// What the insights read from orders, and the lifetime values they store.
public protocol InsightsRepository: Sendable {
    /// The currency most of the workspace's latest orders (a few thousand) are in; nil without
    /// orders.
    func mainCurrency(workspaceID: String) async throws -> String?
    /// Per live customer and day (UTC): their orders in `currency` placed before `before`,
    /// cancelled ones left out, net of refunds, in minor units; grouped by customer, days in
    /// order. With `customers`, only theirs.
    func purchaseDays(workspaceID: String, currency: String, before: Date, customers: [String]?) async throws -> [PurchaseDay]
    /// Stores the workspace's model and these values in place of every customer's (`replacing`
    /// nil) or of the `replacing` customers' — those with nothing left to forecast (merged
    /// away, deleted) stay without one.
    func saveLifetimeValues(_ values: [CustomerLifetimeValue], model: LifetimeModel, replacing customers: [String]?) async throws
    func lifetimeModel(workspaceID: String) async throws -> LifetimeModel?
    func lifetimeValue(customerID: String, workspaceID: String) async throws -> CustomerLifetimeValue?
    /// The workspace's customers with the highest lifetime value first.
    func topLifetimeValues(workspaceID: String, limit: Int) async throws -> [CustomerLifetimeValue]

    /// Products on orders that are not cancelled, placed since `since` (nil: all), of one
    /// customer or all; newest first, at most `limit` (nil: all).
    func purchasedLines(workspaceID: String, customerID: String?, since: Date?, limit: Int?) async throws -> [PurchasedLine]
    /// How many of the workspace's orders changed (placed or updated) at or after `since`.
    func ordersChanged(workspaceID: String, since: Date) async throws -> Int
    /// Tracked events named in `weights` about a product of the catalog (matched by the
    /// product's id in its source), of identified customers, as interactions weighted by name;
    /// newest first.
    func productEvents(
        workspaceID: String, customerID: String?, since: Date?, limit: Int?, weights: [String: Double]
    ) async throws -> [ItemInteraction]
    /// Active products with their categories.
    func productCategories(workspaceID: String) async throws -> [String: [String]]
    /// What the recommender knows of each of these customers, read for all of them at once:
    /// per customer, up to `limit` products on their orders that are not cancelled (newest
    /// first, as `purchasedLines` orders them) and up to `limit` tracked events named in
    /// `weights` about a product of the catalog (newest first, weighted by name).
    func recommendationSignals(workspaceID: String, customerIDs: [String], limit: Int, weights: [String: Double]) async throws
        -> (lines: [PurchasedLine], events: [ItemInteraction])

    /// The orders (not cancelled, in `currency`) placed in [from, to) by live customers the
    /// filter admits, oldest first.
    func orderFacts(workspaceID: String, currency: String, from: Date, to: Date, filter: CustomerFilter) async throws -> [OrderFact]
    /// Their revenue only (total less refunds).
    func revenue(workspaceID: String, currency: String, from: Date, to: Date, filter: CustomerFilter) async throws -> Int64
    /// Per live customer with orders in `currency` (cancelled ones left out): when they were
    /// placed and the spend; with `customers`, only theirs.
    func purchases(workspaceID: String, currency: String, customers: [String]?) async throws -> [CustomerPurchases]
    /// The customers changed, or with an order changed, after `mark`, in id order.
    func changedCustomers(workspaceID: String, after mark: Date) async throws -> [String]
    /// The latest change to any of the workspace's orders or customers (a merge moves orders
    /// without changing them; it changes both customers).
    func lastChange(workspaceID: String) async throws -> Date?
    /// Stores the workspace's RFM state and these rows in place of every customer's
    /// (`replacing` nil) or of the `replacing` customers' — those with nothing left to score
    /// (all orders cancelled, merged away, deleted) stay without one.
    func saveRFM(_ rows: [CustomerRFM], state: RFMState, replacing customers: [String]?) async throws
    /// Live customers the filter admits whose first order (as of the last RFM round) is in
    /// [from, to).
    func cohortMembers(workspaceID: String, from: Date, to: Date, filter: CustomerFilter) async throws -> [CohortMember]
    func rfmState(workspaceID: String) async throws -> RFMState?
    func customerRFM(customerID: String, workspaceID: String) async throws -> CustomerRFM?
    /// Customers per (recency score, frequency score) cell.
    func rfmGrid(workspaceID: String) async throws -> [RFMCell]
}
