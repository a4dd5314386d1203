import Foundation

/// A workspace's RFM bookkeeping: the quintile cut points, the currency, how far through the
/// changes to orders and customers (merges, deletions) the rows are, and when everything was
/// last recomputed.
public struct RFMState: Sendable, Equatable {
    public var workspaceID: String
    public var thresholds: RFMThresholds
    public var currency: String
    public var changesThrough: Date
    public var computedAt: Date

    public init(workspaceID: String, thresholds: RFMThresholds, currency: String, changesThrough: Date, computedAt: Date) {
        self.workspaceID = workspaceID
        self.thresholds = thresholds
        self.currency = currency
        self.changesThrough = changesThrough
        self.computedAt = computedAt
    }
}
