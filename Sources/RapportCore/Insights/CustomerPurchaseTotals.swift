import Foundation

/// What one customer has ordered in the store's main currency: the RFM inputs.
public struct CustomerPurchaseTotals: Sendable, Equatable {
    public var customerID: String
    public var lastOrderAt: Date
    public var orders: Int
    public var monetary: Int64

    public init(customerID: String, lastOrderAt: Date, orders: Int, monetary: Int64) {
        self.customerID = customerID
        self.lastOrderAt = lastOrderAt
        self.orders = orders
        self.monetary = monetary
    }
}
