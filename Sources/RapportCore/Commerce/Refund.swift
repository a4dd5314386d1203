import Foundation

/// Money given back on an order, by a return, a shop's refund or a tracked `Order Refunded`.
public struct Refund: Sendable, Equatable, Codable {
    public var id: String
    public var workspaceID: String
    public var orderID: String
    public var amount: Int64
    public var reason: String?
    /// Where the refund came from and its id there, so a repeated report is counted once.
    public var source: String
    public var externalID: String
    public var createdAt: Date

    public init(
        id: String, workspaceID: String, orderID: String, amount: Int64, reason: String?, source: String,
        externalID: String, createdAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.orderID = orderID
        self.amount = amount
        self.reason = reason
        self.source = source
        self.externalID = externalID
        self.createdAt = createdAt
    }
}
