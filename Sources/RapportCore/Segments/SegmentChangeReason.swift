/// Why a membership changed, as `segment.entered` and `segment.left` say.
public struct SegmentChangeReason: RawRepresentable, Sendable, Hashable {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ event: DomainEventType) {
        self.rawValue = event.rawValue
    }

    public static let trackedEvent = SegmentChangeReason(rawValue: "tracked_event")
    public static let timePassed = SegmentChangeReason(rawValue: "time_passed")
    public static let segmentCreated = SegmentChangeReason(rawValue: "segment_created")
    public static let definitionChanged = SegmentChangeReason(rawValue: "definition_changed")
    public static let rebuild = SegmentChangeReason(rawValue: "rebuild")
    public static let insightsRefreshed = SegmentChangeReason(rawValue: "insights_refreshed")
    public static let added = SegmentChangeReason(rawValue: "added")
    public static let removed = SegmentChangeReason(rawValue: "removed")
}
