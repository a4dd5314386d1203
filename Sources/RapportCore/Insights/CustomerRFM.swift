import Foundation

/// A customer's recency, frequency and monetary value, their quintile scores and segment; and,
/// for the cohort matrix, their first order and the months they ordered in.
public struct CustomerRFM: Sendable, Equatable {
    public var customerID: String
    public var workspaceID: String
    public var firstOrderAt: Date
    public var activeMonths: ActiveMonths
    public var lastOrderAt: Date
    public var orders: Int
    /// Spend in the store's main currency, minor units, less refunds.
    public var monetary: Int64
    public var recencyScore: Int
    public var frequencyScore: Int
    public var monetaryScore: Int
    public var segment: RFMSegment
    public var updatedAt: Date

    public init(
        customerID: String, workspaceID: String, firstOrderAt: Date, activeMonths: ActiveMonths, lastOrderAt: Date, orders: Int,
        monetary: Int64, recencyScore: Int, frequencyScore: Int, monetaryScore: Int, segment: RFMSegment, updatedAt: Date
    ) {
        self.customerID = customerID
        self.workspaceID = workspaceID
        self.firstOrderAt = firstOrderAt
        self.activeMonths = activeMonths
        self.lastOrderAt = lastOrderAt
        self.orders = orders
        self.monetary = monetary
        self.recencyScore = recencyScore
        self.frequencyScore = frequencyScore
        self.monetaryScore = monetaryScore
        self.segment = segment
        self.updatedAt = updatedAt
    }

    /// Scores and segment of a customer's purchases against the workspace's thresholds.
    public init(_ purchases: CustomerPurchases, workspaceID: String, thresholds: RFMThresholds, now: Date) {
        let (r, f, m) = thresholds.scores(
            recencyDays: max(0, now.timeIntervalSince(purchases.lastOrderAt) / 86_400), orders: purchases.orders, monetary: purchases.monetary)
        self.init(
            customerID: purchases.customerID, workspaceID: workspaceID, firstOrderAt: purchases.firstOrderAt,
            activeMonths: purchases.activeMonths, lastOrderAt: purchases.lastOrderAt, orders: purchases.orders,
            monetary: purchases.monetary, recencyScore: r, frequencyScore: f, monetaryScore: m,
            segment: RFMSegment.of(recency: r, frequency: f), updatedAt: now)
    }
}
