import Foundation

/// Whether a customer meets a segment's definition now, and when that may next change.
public struct SegmentVerdict: Sendable, Equatable {
    public var segmentID: String
    public var customerID: String
    public var isMember: Bool
    public var nextChange: Date?

    public init(segmentID: String, customerID: String, isMember: Bool, nextChange: Date?) {
        self.segmentID = segmentID
        self.customerID = customerID
        self.isMember = isMember
        self.nextChange = nextChange
    }
}
