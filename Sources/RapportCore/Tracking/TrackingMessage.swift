import Foundation

/// One call of the tracking API (Segment's spec) as the server read it from the wire.
public struct TrackingMessage: Sendable, Equatable {
    public var type: TrackedEventType
    public var messageID: String?
    public var anonymousID: String?
    public var userID: String?
    /// The event name of a `track` call.
    public var event: String?
    /// The page or screen name of a `page` or `screen` call.
    public var name: String?
    /// `properties` of track/page/screen, `traits` of identify/group.
    public var properties: [String: JSONValue]
    public var context: [String: JSONValue]
    /// `previousId` of an `alias` call.
    public var previousID: String?
    public var groupID: String?
    public var timestamp: Date?

    public init(
        type: TrackedEventType, messageID: String? = nil, anonymousID: String? = nil, userID: String? = nil,
        event: String? = nil, name: String? = nil, properties: [String: JSONValue] = [:],
        context: [String: JSONValue] = [:], previousID: String? = nil, groupID: String? = nil, timestamp: Date? = nil
    ) {
        self.type = type
        self.messageID = messageID
        self.anonymousID = anonymousID
        self.userID = userID
        self.event = event
        self.name = name
        self.properties = properties
        self.context = context
        self.previousID = previousID
        self.groupID = groupID
        self.timestamp = timestamp
    }
}
