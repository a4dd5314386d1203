import Foundation

/// One day's orders and revenue (minor units).
public struct DailySales: Sendable, Equatable {
    public var start: Date
    public var orders: Int
    public var revenue: Int64

    public init(start: Date, orders: Int, revenue: Int64) {
        self.start = start
        self.orders = orders
        self.revenue = revenue
    }
}
