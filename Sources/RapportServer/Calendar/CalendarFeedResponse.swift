import Foundation
import RapportCore

/// A calendar feed; `url` only in the answer that made it (the secret is not kept).
struct CalendarFeedResponse: Encodable {
    let object = "calendar_feed"
    let id: String
    let userId: String
    let url: String?
    let createdBy: String
    let createdAt: String
    let revokedAt: String?

    init(_ feed: CalendarFeed, url: String? = nil) {
        id = feed.id
        userId = feed.userID
        self.url = url
        createdBy = feed.createdBy
        createdAt = Timestamp.iso8601(feed.createdAt)
        revokedAt = feed.revokedAt.map(Timestamp.iso8601)
    }
}
