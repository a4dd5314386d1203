/// The payload of `segment.entered` and `segment.left`.
public struct SegmentMembershipEventPayload: EventPayload {
    public static let version = 1
    public var segmentID: String
    public var segmentName: String
    public var customerID: String
    /// What changed the membership: an event type (`order.created`), `tracked_event`,
    /// `time_passed`, `segment_created`, `definition_changed`, `rebuild`, `added`, `removed`.
    public var reason: String

    init(_ change: SegmentMembershipChange) {
        self.segmentID = change.segmentID
        self.segmentName = change.segmentName
        self.customerID = change.customerID
        self.reason = change.reason.rawValue
    }
}
