/// A customer's membership of a segment.
public struct SegmentMembership: Sendable, Hashable {
    public var segmentID: String
    public var customerID: String

    public init(segmentID: String, customerID: String) {
        self.segmentID = segmentID
        self.customerID = customerID
    }
}
