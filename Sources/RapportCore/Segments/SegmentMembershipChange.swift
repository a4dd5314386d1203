/// A customer entered or left a segment (`segment.entered`, `segment.left`), and why.
public struct SegmentMembershipChange: DomainChange {
    public var entered: Bool
    public var segmentID: String
    public var segmentName: String
    public var customerID: String
    public var workspaceID: String
    public var reason: SegmentChangeReason
    /// Whether the segment is a list (segments naming a list follow its changes).
    public var ofList: Bool

    public init(entered: Bool, segment: Segment, customerID: String, reason: SegmentChangeReason) {
        self.entered = entered
        self.segmentID = segment.id
        self.segmentName = segment.name
        self.customerID = customerID
        self.workspaceID = segment.workspaceID
        self.reason = reason
        self.ofList = segment.kind == .list
    }

    public var eventType: DomainEventType { entered ? .segmentEntered : .segmentLeft }
    public var subjectID: String { customerID }
    public var payload: any EventPayload { SegmentMembershipEventPayload(self) }
}
