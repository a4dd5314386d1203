import Foundation

/// One product on one order, as the recommender reads purchases.
public struct PurchasedLine: Sendable, Equatable {
    public var orderID: String
    public var customerID: String
    public var productID: String
    public var placedAt: Date

    public init(orderID: String, customerID: String, productID: String, placedAt: Date) {
        self.orderID = orderID
        self.customerID = customerID
        self.productID = productID
        self.placedAt = placedAt
    }
}
