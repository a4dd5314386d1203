import Foundation
import RapportCore
import SQLKit

struct SQLCalendarRepository: CalendarRepository {
    let handle: SQLConnectionHandle

    func insert(_ meeting: Meeting) async throws {
        try await handle.sql.raw("""
            INSERT INTO meetings (id, workspace_id, uid, title, starts_at, ends_at, time_zone, location, description, owner_id, recurrence, recurs_until,
              status, sequence, deal_id, customer_id, created_by, created_at, updated_at)
            VALUES (\(bind: meeting.id), \(bind: meeting.workspaceID), \(bind: meeting.uid), \(bind: meeting.title),
              \(bind: Timestamp.microseconds(meeting.startsAt)), \(bind: Timestamp.microseconds(meeting.endsAt)), \(bind: meeting.timeZone),
              \(bind: meeting.location), \(bind: meeting.description), \(bind: meeting.ownerID), \(bind: meeting.recurrence?.rule),
              \(bind: Self.recursUntil(meeting)), \(bind: meeting.status.rawValue), \(bind: meeting.sequence), \(bind: meeting.dealID), \(bind: meeting.customerID), \(bind: meeting.createdBy),
              \(bind: Timestamp.microseconds(meeting.createdAt)), \(bind: Timestamp.microseconds(meeting.updatedAt)))
            """).run()
        try await insertAttendees(of: meeting)
    }

    func update(_ meeting: Meeting) async throws {
        try await handle.sql.raw("""
            UPDATE meetings SET title = \(bind: meeting.title), starts_at = \(bind: Timestamp.microseconds(meeting.startsAt)),
              ends_at = \(bind: Timestamp.microseconds(meeting.endsAt)), time_zone = \(bind: meeting.timeZone), location = \(bind: meeting.location),
              description = \(bind: meeting.description), owner_id = \(bind: meeting.ownerID), recurrence = \(bind: meeting.recurrence?.rule),
              recurs_until = \(bind: Self.recursUntil(meeting)),
              status = \(bind: meeting.status.rawValue), sequence = \(bind: meeting.sequence), deal_id = \(bind: meeting.dealID),
              customer_id = \(bind: meeting.customerID), updated_at = \(bind: Timestamp.microseconds(meeting.updatedAt))
            WHERE id = \(bind: meeting.id) AND workspace_id = \(bind: meeting.workspaceID)
            """).run()
        try await handle.sql.raw("DELETE FROM meeting_attendees WHERE meeting_id = \(bind: meeting.id)").run()
        try await insertAttendees(of: meeting)
    }

    func meeting(id: String, workspaceID: String) async throws -> Meeting? {
        let rows = try await handle.sql.raw("""
            SELECT * FROM meetings m WHERE m.id = \(bind: id) AND m.workspace_id = \(bind: workspaceID)\(unsafeRaw: handle.dialect.lockForUpdate(of: "m", in: handle))
            """).all()
        return try await withAttendees(rows).first
    }

    func meetings(workspaceID: String, filter: MeetingFilter, page: PageRequest) async throws -> Page<Meeting> {
        var query: SQLQueryString = "SELECT * FROM meetings WHERE workspace_id = \(bind: workspaceID)"
        if let owner = filter.ownerID { query += " AND owner_id = \(bind: owner)" }
        if let customer = filter.customerID { query += " AND customer_id = \(bind: customer)" }
        if let deal = filter.dealID { query += " AND deal_id = \(bind: deal)" }
        if let status = filter.status { query += " AND status = \(bind: status.rawValue)" }
        if let cursor = page.startingAfter { query += " AND id < \(bind: cursor)" }
        query += " ORDER BY id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try await withAttendees(Array(rows.prefix(page.limit))), hasMore: rows.count > page.limit)
    }

    func meetings(startingAfter after: Date, upTo: Date, limit: Int) async throws -> [Meeting] {
        try await withAttendees(try await handle.sql.raw("""
            SELECT * FROM meetings WHERE status = \(bind: MeetingStatus.scheduled.rawValue)
              AND starts_at > \(bind: Timestamp.microseconds(after)) AND starts_at <= \(bind: Timestamp.microseconds(upTo))
            ORDER BY starts_at, id LIMIT \(unsafeRaw: String(limit))
            """).all())
    }

    func meetings(ofUser userID: String, workspaceID: String, since: Date, limit: Int) async throws -> [Meeting] {
        try await withAttendees(try await handle.sql.raw("""
            SELECT * FROM meetings WHERE workspace_id = \(bind: workspaceID)
              AND (owner_id = \(bind: userID) OR id IN (SELECT meeting_id FROM meeting_attendees WHERE user_id = \(bind: userID)))
              AND (ends_at >= \(bind: Timestamp.microseconds(since))
                OR (recurrence IS NOT NULL AND (recurs_until IS NULL OR recurs_until >= \(bind: Timestamp.microseconds(since)))))
            ORDER BY starts_at DESC, id DESC LIMIT \(unsafeRaw: String(limit))
            """).all())
    }

    func meetings(ofUser userID: String, workspaceID: String, startingFrom from: Date, before to: Date, limit: Int) async throws -> [Meeting] {
        try await withAttendees(try await handle.sql.raw("""
            SELECT * FROM meetings WHERE workspace_id = \(bind: workspaceID) AND status = \(bind: MeetingStatus.scheduled.rawValue)
              AND (owner_id = \(bind: userID) OR id IN (SELECT meeting_id FROM meeting_attendees WHERE user_id = \(bind: userID)))
              AND starts_at >= \(bind: Timestamp.microseconds(from)) AND starts_at < \(bind: Timestamp.microseconds(to))
            ORDER BY starts_at, id LIMIT \(unsafeRaw: String(limit))
            """).all())
    }

    func insert(_ feed: CalendarFeed) async throws {
        try await handle.sql.raw("""
            INSERT INTO calendar_feeds (id, workspace_id, user_id, secret_hash, created_by, created_at, revoked_at)
            VALUES (\(bind: feed.id), \(bind: feed.workspaceID), \(bind: feed.userID), \(bind: feed.secretHash), \(bind: feed.createdBy),
              \(bind: Timestamp.microseconds(feed.createdAt)), \(bind: feed.revokedAt.map(Timestamp.microseconds)))
            """).run()
    }

    func feed(id: String) async throws -> CalendarFeed? {
        try await handle.sql.raw("SELECT * FROM calendar_feeds WHERE id = \(bind: id)").first().map(decodeFeed)
    }

    func feeds(workspaceID: String, userID: String?) async throws -> [CalendarFeed] {
        var query: SQLQueryString = "SELECT * FROM calendar_feeds WHERE workspace_id = \(bind: workspaceID)"
        if let userID { query += " AND user_id = \(bind: userID)" }
        query += " ORDER BY id DESC LIMIT 500"
        return try await handle.sql.raw(query).all().map(decodeFeed)
    }

    func revokeFeed(id: String, workspaceID: String, at moment: Date) async throws {
        try await handle.sql.raw("""
            UPDATE calendar_feeds SET revoked_at = \(bind: Timestamp.microseconds(moment))
            WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID) AND revoked_at IS NULL
            """).run()
    }

    /// When the meeting's last occurrence ends (nil: it does not recur, or never ends).
    private static func recursUntil(_ meeting: Meeting) -> Int64? {
        meeting.recurrence?.lastEnd(start: meeting.startsAt, duration: meeting.endsAt.timeIntervalSince(meeting.startsAt)).map(Timestamp.microseconds)
    }

    private func insertAttendees(of meeting: Meeting) async throws {
        let rows: [[SQLCell]] = meeting.attendees.enumerated().map { position, attendee in
            [
                .text(meeting.id), .integer(Int64(position)), .text(meeting.workspaceID), .text(attendee.email), .text(attendee.name), .text(attendee.userID),
                .text(attendee.customerID),
            ]
        }
        try await handle.dialect.bulkInsert(
            table: "meeting_attendees", columns: ["meeting_id", "position", "workspace_id", "email", "name", "user_id", "customer_id"], rows: rows,
            on: handle)
    }

    /// The meetings of the rows, each with its attendees (one query for them all). One with a
    /// status this build does not know (a newer one wrote it) is left out.
    private func withAttendees(_ rows: [any SQLRow]) async throws -> [Meeting] {
        var meetings: [Meeting] = try rows.compactMap { row in
            guard let status = MeetingStatus(rawValue: try row.string("status")) else { return nil }
            return Meeting(
                id: try row.string("id"), workspaceID: try row.string("workspace_id"), uid: try row.string("uid"), title: try row.string("title"),
                startsAt: try row.date("starts_at"), endsAt: try row.date("ends_at"), timeZone: try row.string("time_zone"),
                location: try row.optionalString("location"), description: try row.optionalString("description"), ownerID: try row.string("owner_id"),
                recurrence: try row.optionalString("recurrence").flatMap(MeetingRecurrence.init(rule:)), status: status,
                sequence: Int(try row.int("sequence")), dealID: try row.optionalString("deal_id"), customerID: try row.optionalString("customer_id"),
                createdBy: try row.string("created_by"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
        }
        guard !meetings.isEmpty else { return meetings }
        var attendees: [String: [MeetingAttendee]] = [:]
        for row in try await handle.sql.raw("""
            SELECT * FROM meeting_attendees WHERE meeting_id IN (\(binds: meetings.map(\.id))) ORDER BY meeting_id, position
            """).all() {
            attendees[try row.string("meeting_id"), default: []].append(
                MeetingAttendee(
                    email: try row.string("email"), name: try row.optionalString("name"), userID: try row.optionalString("user_id"),
                    customerID: try row.optionalString("customer_id"), position: Int(try row.int("position"))))
        }
        for index in meetings.indices { meetings[index].attendees = attendees[meetings[index].id] ?? [] }
        return meetings
    }

    private func decodeFeed(_ row: any SQLRow) throws -> CalendarFeed {
        CalendarFeed(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), userID: try row.string("user_id"), secretHash: try row.string("secret_hash"),
            createdBy: try row.string("created_by"), createdAt: try row.date("created_at"), revokedAt: try row.optionalDate("revoked_at"))
    }
}
