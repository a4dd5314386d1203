import Foundation

/// Meetings with their attendees, and the team's calendar feeds.
public protocol CalendarRepository: Sendable {
    func insert(_ meeting: Meeting) async throws
    /// Writes the meeting and replaces its attendees.
    func update(_ meeting: Meeting) async throws
    /// Locked for the rest of a write transaction on PostgreSQL.
    func meeting(id: String, workspaceID: String) async throws -> Meeting?
    /// Newest first; a page after a cursor (a meeting id).
    func meetings(workspaceID: String, filter: MeetingFilter, page: PageRequest) async throws -> Page<Meeting>
    /// Scheduled meetings of every workspace starting after `after` and by `upTo`, soonest first
    /// (a recurring one by its first occurrence).
    func meetings(startingAfter after: Date, upTo: Date, limit: Int) async throws -> [Meeting]
    /// The meetings a user organises or is asked to that end after `since` (an occurrence of a
    /// recurring one), the latest first (at most `limit`).
    func meetings(ofUser userID: String, workspaceID: String, since: Date, limit: Int) async throws -> [Meeting]
    /// The scheduled meetings a user organises or is asked to that start from `from` and before
    /// `to`, in the order they start (at most `limit`).
    func meetings(ofUser userID: String, workspaceID: String, startingFrom from: Date, before to: Date, limit: Int) async throws -> [Meeting]

    func insert(_ feed: CalendarFeed) async throws
    func feed(id: String) async throws -> CalendarFeed?
    func feeds(workspaceID: String, userID: String?) async throws -> [CalendarFeed]
    func revokeFeed(id: String, workspaceID: String, at moment: Date) async throws
}
