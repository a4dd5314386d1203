import Foundation

/// One order as the store metrics read it: what it brought in (total less refunds, minor
/// units), whether anything on it was returned, and where it stands in its customer's history.
public struct OrderFact: Sendable, Equatable {
    public var orderID: String
    public var customerID: String
    public var placedAt: Date
    public var revenue: Int64
    public var returned: Bool
    /// The customer's first order (not cancelled, same currency), ever.
    public var firstOrderAt: Date
    /// Their order before this one, if any.
    public var previousOrderAt: Date?

    public init(orderID: String, customerID: String, placedAt: Date, revenue: Int64, returned: Bool, firstOrderAt: Date, previousOrderAt: Date?) {
        self.orderID = orderID
        self.customerID = customerID
        self.placedAt = placedAt
        self.revenue = revenue
        self.returned = returned
        self.firstOrderAt = firstOrderAt
        self.previousOrderAt = previousOrderAt
    }
}
