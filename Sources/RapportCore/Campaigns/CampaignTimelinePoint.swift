import Foundation

/// What became of a campaign's messages in one stretch of time from `start`: how many went
/// (the provider took them), and how many were opened and clicked for the first time.
public struct CampaignTimelinePoint: Sendable, Equatable {
    public var start: Date
    public var sent: Int
    public var opened: Int
    public var clicked: Int

    public init(start: Date, sent: Int = 0, opened: Int = 0, clicked: Int = 0) {
        self.start = start
        self.sent = sent
        self.opened = opened
        self.clicked = clicked
    }
}
