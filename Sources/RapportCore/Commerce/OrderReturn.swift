import Foundation

/// A return (RMA): items of one order coming back, why, and what is refunded for them.
public struct OrderReturn: Sendable, Equatable, Codable {
    public var id: String
    public var workspaceID: String
    public var orderID: String
    public var customerID: String
    public var status: ReturnStatus
    public var reason: String
    public var items: [ReturnItem]
    /// Minor units of `currency`; set when the return is refunded.
    public var refundAmount: Int64?
    public var currency: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, orderID: String, customerID: String, status: ReturnStatus, reason: String,
        items: [ReturnItem], refundAmount: Int64?, currency: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.orderID = orderID
        self.customerID = customerID
        self.status = status
        self.reason = reason
        self.items = items
        self.refundAmount = refundAmount
        self.currency = currency
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
