import Foundation

/// A member of a segment or list and when they entered it (the latest time: a customer who
/// left and came back entered anew).
public struct SegmentMemberEntry: Sendable, Equatable {
    public var customerID: String
    public var enteredAt: Date

    public init(customerID: String, enteredAt: Date) {
        self.customerID = customerID
        self.enteredAt = enteredAt
    }
}
