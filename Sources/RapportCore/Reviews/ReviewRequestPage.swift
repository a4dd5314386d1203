import Foundation

/// What a review request's page shows: the store that asks, the order, the customer's first
/// name, each product of the order (reviewed or still to review), and when the link closes.
public struct ReviewRequestPage: Sendable, Equatable {
    public var link: ReviewRequestLink
    /// The order's customer (the survivor of a merge).
    public var customerID: String
    public var store: String
    public var orderNumber: String
    public var firstName: String?
    /// Whether the order was delivered: the reviews it takes are a verified buyer's.
    public var delivered: Bool
    public var items: [ReviewRequestItem]
    public var closesAt: Date
    /// Whether the customer's opening of it is on record.
    public var opened: Bool

    public init(
        link: ReviewRequestLink, customerID: String, store: String, orderNumber: String, firstName: String?, delivered: Bool, items: [ReviewRequestItem],
        closesAt: Date, opened: Bool
    ) {
        self.link = link
        self.customerID = customerID
        self.store = store
        self.orderNumber = orderNumber
        self.firstName = firstName
        self.delivered = delivered
        self.items = items
        self.closesAt = closesAt
        self.opened = opened
    }

    /// The products still to review.
    public var open: [ReviewRequestItem] { items.filter { $0.review == nil } }
}
