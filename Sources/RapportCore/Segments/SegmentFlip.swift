import Foundation

/// A moment a customer's membership of a time-dependent segment may change by itself.
public struct SegmentFlip: Sendable, Hashable {
    public var segmentID: String
    public var customerID: String
    public var workspaceID: String
    public var dueAt: Date

    public init(segmentID: String, customerID: String, workspaceID: String, dueAt: Date) {
        self.segmentID = segmentID
        self.customerID = customerID
        self.workspaceID = workspaceID
        self.dueAt = dueAt
    }
}
