import Foundation

/// Which orders a list shows: all of a workspace, or those of one customer, in one status,
/// placed in a time range. Newest first.
public struct OrderFilter: Sendable, Equatable {
    public var customerID: String?
    public var status: OrderStatus?
    public var placedFrom: Date?
    public var placedBefore: Date?

    public init(customerID: String? = nil, status: OrderStatus? = nil, placedFrom: Date? = nil, placedBefore: Date? = nil) {
        self.customerID = customerID
        self.status = status
        self.placedFrom = placedFrom
        self.placedBefore = placedBefore
    }
}
