import Foundation

/// A customer's purchases at a glance, for the 360° view.
public struct CommerceSummary: Sendable, Equatable {
    public var orderCount: Int
    /// Net of refunds, cancelled orders left out; one entry per currency.
    public var totalSpent: [String: Int64]
    public var lastOrder: OrderHeadline?
    public var openReturns: Int

    public init(orderCount: Int = 0, totalSpent: [String: Int64] = [:], lastOrder: OrderHeadline? = nil, openReturns: Int = 0) {
        self.orderCount = orderCount
        self.totalSpent = totalSpent
        self.lastOrder = lastOrder
        self.openReturns = openReturns
    }
}
