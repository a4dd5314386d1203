import Foundation

/// A customer's recency, frequency and monetary value, their quintile scores and segment.
public struct CustomerRFM: Sendable, Equatable {
    public var customerID: String
    public var workspaceID: String
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
        customerID: String, workspaceID: String, lastOrderAt: Date, orders: Int, monetary: Int64, recencyScore: Int,
        frequencyScore: Int, monetaryScore: Int, segment: RFMSegment, updatedAt: Date
    ) {
        self.customerID = customerID
        self.workspaceID = workspaceID
        self.lastOrderAt = lastOrderAt
        self.orders = orders
        self.monetary = monetary
        self.recencyScore = recencyScore
        self.frequencyScore = frequencyScore
        self.monetaryScore = monetaryScore
        self.segment = segment
        self.updatedAt = updatedAt
    }

    /// Scores and segment of raw values against the workspace's thresholds.
    public init(customerID: String, workspaceID: String, lastOrderAt: Date, orders: Int, monetary: Int64, thresholds: RFMThresholds, now: Date) {
        let (r, f, m) = thresholds.scores(recencyDays: max(0, now.timeIntervalSince(lastOrderAt) / 86_400), orders: orders, monetary: monetary)
        self.init(
            customerID: customerID, workspaceID: workspaceID, lastOrderAt: lastOrderAt, orders: orders, monetary: monetary,
            recencyScore: r, frequencyScore: f, monetaryScore: m, segment: RFMSegment.of(recency: r, frequency: f), updatedAt: now)
    }
}
