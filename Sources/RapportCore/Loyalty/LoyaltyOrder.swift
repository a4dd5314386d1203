import Foundation

/// What of an order the points rules read: who, its number, status, money and dates. The
/// ledger reads it from a whole `Order` as it changes, and a replay reads just these columns.
public struct LoyaltyOrder: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var customerID: String
    public var number: String
    public var status: OrderStatus
    public var currency: String
    public var totals: OrderTotals
    public var placedAt: Date
    public var fulfilledAt: Date?
    public var deliveredAt: Date?
    /// When Rapport recorded it.
    public var createdAt: Date

    public init(
        id: String, workspaceID: String, customerID: String, number: String, status: OrderStatus, currency: String, totals: OrderTotals,
        placedAt: Date, fulfilledAt: Date?, deliveredAt: Date?, createdAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.number = number
        self.status = status
        self.currency = currency
        self.totals = totals
        self.placedAt = placedAt
        self.fulfilledAt = fulfilledAt
        self.deliveredAt = deliveredAt
        self.createdAt = createdAt
    }

    /// Cancelled, or refunded in full: the order keeps no points and counts no spend.
    public var isWhollyLost: Bool {
        status == .cancelled || status == .refunded || (totals.total > 0 && totals.refunded >= totals.total)
    }

    public init(_ order: Order) {
        self.init(
            id: order.id, workspaceID: order.workspaceID, customerID: order.customerID, number: order.number, status: order.status,
            currency: order.currency, totals: order.totals, placedAt: order.placedAt, fulfilledAt: order.fulfilledAt,
            deliveredAt: order.deliveredAt, createdAt: order.createdAt)
    }
}
