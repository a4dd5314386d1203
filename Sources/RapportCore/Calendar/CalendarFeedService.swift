import Foundation

/// The team's calendar feeds: a user's secret address (made by the user, or by an admin or
/// manager for them), listed without secrets, revoked, and read as iCalendar text by whoever
/// holds the address (a phone polling it). The secret is 143 random bits, kept only as its hash.
public struct CalendarFeedService: Sendable {
    /// How far back a feed reaches for meetings that do not recur.
    static let pastDays = 180.0
    static let maximumMeetings = 2_000
    static let maximumTasks = 500
    /// How far back a feed reaches for open tasks (older overdue ones are the task list's).
    static let taskDays = 30.0

    let context: CoreContext
    let secrets: any SecretHasher
    var store: any DataStore { context.store }

    public init(context: CoreContext, secrets: any SecretHasher) {
        self.context = context
        self.secrets = secrets
    }

    public func create(userID: String, as actor: Actor) async throws -> IssuedCalendarFeed {
        try requireMayManage(userID: userID, as: actor)
        return try await context.write { transaction in
            let users = try await transaction.session.inboxes.agents(workspaceID: actor.workspaceID)
            guard users.contains(where: { $0.id == userID && $0.deactivatedAt == nil }) else {
                throw RapportError.invalid(field: "user_id", "names no active user of this workspace (\(userID.prefix(64)))")
            }
            let now = transaction.now
            let secret = RandomSecret.make(prefix: "", length: 24)
            let feed = CalendarFeed(
                id: ResourceID.make(.calendarFeed, at: now), workspaceID: actor.workspaceID, userID: userID, secretHash: secrets.hash(secret),
                createdBy: actor.label, createdAt: now)
            try await transaction.session.calendar.insert(feed)
            try await transaction.audit(AuditRecord(.calendarFeedCreated, subject: .calendarFeed(feed.id), details: ["user": userID]), by: actor)
            return IssuedCalendarFeed(feed: feed, secret: secret)
        }
    }

    /// The feeds of one user, revoked ones too; nil: everyone's for admins and managers, one's
    /// own for the rest.
    public func list(userID: String?, as actor: Actor) async throws -> [CalendarFeed] {
        if let userID { try requireMayManage(userID: userID, as: actor) }
        let whose = userID ?? (actor.may(.manageTeamSetup) ? nil : actor.userID ?? "")
        return try await store.read { session in try await session.calendar.feeds(workspaceID: actor.workspaceID, userID: whose) }
    }

    /// From now on the address answers 404.
    public func revoke(id: String, as actor: Actor) async throws {
        try await context.write { transaction in
            guard let feed = try await transaction.session.calendar.feed(id: id), feed.workspaceID == actor.workspaceID else {
                throw RapportError.notFound("No calendar feed with id \(id.prefix(64)).")
            }
            try requireMayManage(userID: feed.userID, as: actor)
            guard feed.revokedAt == nil else { return }
            try await transaction.session.calendar.revokeFeed(id: id, workspaceID: actor.workspaceID, at: transaction.now)
            try await transaction.audit(AuditRecord(.calendarFeedRevoked, subject: .calendarFeed(id), details: ["user": feed.userID]), by: actor)
        }
    }

    /// The feed's calendar, or nil when the id or secret is wrong, the feed revoked or its user
    /// deactivated (all alike: a 404).
    public func document(feedID: String, secret: String) async throws -> String? {
        let now = context.clock.now()
        return try await store.read { session in
            guard let feed = try await session.calendar.feed(id: feedID), feed.revokedAt == nil,
                Self.equal(feed.secretHash, secrets.hash(secret))
            else { return nil }
            let users = try await session.inboxes.agents(workspaceID: feed.workspaceID)
            guard let user = users.first(where: { $0.id == feed.userID && $0.deactivatedAt == nil }) else { return nil }
            let meetings = try await session.calendar.meetings(
                ofUser: user.id, workspaceID: feed.workspaceID, since: now.addingTimeInterval(-Self.pastDays * 86_400), limit: Self.maximumMeetings)
            let tasks = try await session.tasks.openWithDueTimes(
                ownerID: user.id, workspaceID: feed.workspaceID, since: now.addingTimeInterval(-Self.taskDays * 86_400), limit: Self.maximumTasks)
            return CalendarDocument.render(
                calendarName: "Rapport – \(user.name)", meetings: meetings, tasks: tasks, users: Dictionary(users.map { ($0.id, $0) }) { first, _ in first },
                now: now)
        }
    }

    /// A user's own feeds are theirs to make and revoke; anyone's are admins' and managers'.
    private func requireMayManage(userID: String, as actor: Actor) throws {
        guard actor.userID != userID else { return }
        guard actor.may(.manageTeamSetup) else { throw RapportError.forbidden("Only admins and managers make or revoke another user's calendar feed.") }
    }

    /// Compares two hashes in time independent of where they differ.
    private static func equal(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
