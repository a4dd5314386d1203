/// A feed just made, with its secret: shown once, as the path of its address.
public struct IssuedCalendarFeed: Sendable, Equatable {
    public var feed: CalendarFeed
    public var secret: String

    public init(feed: CalendarFeed, secret: String) {
        self.feed = feed
        self.secret = secret
    }

    /// `/calendar/{feed id}/{secret}.ics`, under the public address.
    public var path: String { "/calendar/\(feed.id)/\(secret).ics" }
}
