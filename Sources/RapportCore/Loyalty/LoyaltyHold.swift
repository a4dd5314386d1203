import Foundation

/// An order's points still pending, and when they become usable (nil: not yet delivered). Kept
/// beside the ledger so the points due can be found by time; a hold of 0 points is removed.
public struct LoyaltyHold: Sendable, Equatable {
    public var orderID: String
    public var workspaceID: String
    public var customerID: String
    public var points: Int64
    public var usableAt: Date?

    public init(orderID: String, workspaceID: String, customerID: String, points: Int64, usableAt: Date?) {
        self.orderID = orderID
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.points = points
        self.usableAt = usableAt
    }
}
