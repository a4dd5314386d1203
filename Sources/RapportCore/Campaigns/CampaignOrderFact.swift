import Foundation

/// An order as attribution and the holdout comparison read it: whose, when, and what it
/// brought after refunds, in minor units of its currency.
public struct CampaignOrderFact: Sendable, Equatable {
    public var orderID: String
    public var customerID: String
    public var placedAt: Date
    /// Total less refunds.
    public var revenue: Int64
    public var currency: String

    public init(orderID: String, customerID: String, placedAt: Date, revenue: Int64, currency: String) {
        self.orderID = orderID
        self.customerID = customerID
        self.placedAt = placedAt
        self.revenue = revenue
        self.currency = currency
    }
}
