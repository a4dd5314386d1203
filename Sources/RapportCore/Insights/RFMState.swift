import Foundation

/// A workspace's RFM bookkeeping: the quintile cut points, the currency, how far through the
/// orders' changes the rows are, and when everything was last recomputed.
public struct RFMState: Sendable, Equatable {
    public var workspaceID: String
    public var thresholds: RFMThresholds
    public var currency: String
    public var ordersChangedThrough: Date
    public var computedAt: Date

    public init(workspaceID: String, thresholds: RFMThresholds, currency: String, ordersChangedThrough: Date, computedAt: Date) {
        self.workspaceID = workspaceID
        self.thresholds = thresholds
        self.currency = currency
        self.ordersChangedThrough = ordersChangedThrough
        self.computedAt = computedAt
    }
}
