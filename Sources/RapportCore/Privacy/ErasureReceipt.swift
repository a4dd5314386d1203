import Foundation

/// What an erasure did: which records went (the customer and those merged into them), what
/// became of the orders, and how many rows each table lost or had blanked. It cannot be undone.
public struct ErasureReceipt: Sendable, Equatable {
    public var customerID: String
    public var customerIDs: [String]
    public var orders: ErasedOrders
    public var erasedAt: Date
    /// Rows removed or blanked, by table.
    public var rows: [String: Int]

    public init(customerID: String, customerIDs: [String], orders: ErasedOrders, erasedAt: Date, rows: [String: Int]) {
        self.customerID = customerID
        self.customerIDs = customerIDs
        self.orders = orders
        self.erasedAt = erasedAt
        self.rows = rows
    }
}
