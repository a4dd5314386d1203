/// An inbox was set up: which one, on which channel (never its credentials).
public struct InboxEventPayload: EventPayload {
    public static let version = 1

    public let channel: InboxChannel
    public let id: String
}
