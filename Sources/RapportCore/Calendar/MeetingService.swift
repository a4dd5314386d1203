import Foundation

/// Meetings on the team's calendar: listed, made, read, changed and cancelled (audited). Every
/// change a calendar shows raises the meeting's `sequence` and e-mails the attendees the new
/// version (iMIP), so calendars holding it take it; a cancellation keeps it with its status. Those who work tasks make and change them; everyone
/// reads them.
public struct MeetingService: Sendable {
    let context: CoreContext
    var store: any DataStore { context.store }

    public init(context: CoreContext) {
        self.context = context
    }

    public func list(filter: MeetingFilter = MeetingFilter(), page: PageRequest, as actor: Actor) async throws -> Page<Meeting> {
        try actor.require(.viewTasks)
        return try await store.read { session in try await session.calendar.meetings(workspaceID: actor.workspaceID, filter: filter, page: page) }
    }

    public func find(id: String, as actor: Actor) async throws -> Meeting {
        try actor.require(.viewTasks)
        return try await store.read { session in try await Self.existing(id, workspaceID: actor.workspaceID, session: session) }
    }

    /// A meeting from `change`, which must give a title, a start and an end; organised by
    /// `owner_id`, else by the user making it.
    public func create(_ change: MeetingChange, as actor: Actor) async throws -> Meeting {
        try actor.require(.workTasks)
        guard let title = change.title else { throw RapportError.invalid(field: "title", "is required: 1 to \(MeetingRules.maximumTitleLength) characters") }
        guard let startsAt = change.startsAt else { throw RapportError.invalid(field: "starts_at", "is required: an ISO 8601 date-time") }
        guard let endsAt = change.endsAt else { throw RapportError.invalid(field: "ends_at", "is required: an ISO 8601 date-time") }
        guard let ownerID = change.ownerID ?? actor.userID else { throw RapportError.invalid(field: "owner_id", "is required: the user who organises it") }
        return try await context.write { transaction in
            let now = transaction.now
            let id = ResourceID.make(.meeting, at: now)
            var meeting = Meeting(
                id: id, workspaceID: actor.workspaceID, uid: "\(id)@rapport", title: try MeetingRules.title(title), startsAt: startsAt, endsAt: endsAt,
                ownerID: ownerID, createdBy: actor.label, createdAt: now, updatedAt: now)
            try await AssignmentCheck.owner(ownerID, mayDo: .viewTasks, work: "hold meetings", actor: actor, session: transaction.session)
            try await Self.apply(change, to: &meeting, by: actor, session: transaction.session)
            try await transaction.session.calendar.insert(meeting)
            // A meeting made cancelled tells no one.
            if meeting.status == .scheduled { try await Self.invite(meeting, change: change, session: transaction.session, at: now) }
            try await transaction.audit(AuditRecord(.meetingCreated, subject: .meeting(id), details: ["attendees": String(meeting.attendees.count)]), by: actor)
            return meeting
        }
    }

    /// Sets what `change` gives and raises the sequence; `{"status": "cancelled"}` cancels it.
    public func update(id: String, _ change: MeetingChange, as actor: Actor) async throws -> Meeting {
        try actor.require(.workTasks)
        return try await context.write { transaction in
            var meeting = try await Self.existing(id, workspaceID: actor.workspaceID, session: transaction.session)
            let before = meeting
            try await Self.apply(change, to: &meeting, by: actor, session: transaction.session)
            guard meeting != before else { return meeting }
            // Only what a calendar shows makes a new version (re-sent to the attendees); the
            // deal or customer it is about is the team's own bookkeeping.
            let shown = Self.calendarView(of: meeting) != Self.calendarView(of: before)
            if shown { meeting.sequence += 1 }
            meeting.updatedAt = transaction.now
            try await transaction.session.calendar.update(meeting)
            // A meeting cancelled before this change tells no one of later changes.
            if shown && !(before.status == .cancelled && meeting.status == .cancelled) {
                try await Self.invite(meeting, change: change, session: transaction.session, at: transaction.now)
            }
            var details = ["fields": change.fieldNames.joined(separator: ","), "sequence": String(meeting.sequence)]
            if meeting.status != before.status { details["status"] = meeting.status.rawValue }
            try await transaction.audit(AuditRecord(.meetingUpdated, subject: .meeting(id), details: details), by: actor)
            return meeting
        }
    }

    /// What the `meeting.invite` job sends, or nil when there is nothing to send: the meeting
    /// has a newer version (whose own jobs send it), the attendee is gone or is the organiser,
    /// the workspace has no e-mail inbox with an address, or the address no longer takes
    /// service mail (a STOP or a hard bounce).
    public func invitation(_ payload: MeetingInvitePayload) async throws -> MeetingInvitation? {
        try await store.read { session in
            guard let meeting = try await session.calendar.meeting(id: payload.meetingID, workspaceID: payload.workspaceID),
                meeting.sequence == payload.sequence, let attendee = meeting.attendees.first(where: { $0.position == payload.position })
            else { return nil }
            let users = try await session.inboxes.agents(workspaceID: payload.workspaceID)
            let organiser = users.first { $0.id == meeting.ownerID }
            guard attendee.userID != meeting.ownerID, attendee.email != organiser?.email.lowercased(),
                let inbox = try await NoticeInbox.first(workspaceID: payload.workspaceID, session: session),
                let sender = inbox.address,
                !(try await session.suppressions.reasons(channel: .email, address: attendee.email, workspaceID: payload.workspaceID))
                    .contains(where: \.holdsServiceMessages)
            else { return nil }
            let cancelled = meeting.status == .cancelled
            let method = cancelled ? "CANCEL" : "REQUEST"
            return MeetingInvitation(
                meeting: meeting, attendee: attendee, inbox: inbox, method: method,
                subject: (cancelled ? "Cancelled: " : payload.sequence == 0 ? "Invitation: " : "Updated invitation: ") + meeting.title,
                text: MeetingInvitationText.body(meeting, organiser: organiser?.name ?? inbox.name, cancelled: cancelled),
                calendar: CalendarDocument.invitation(meeting, organiser: organiser, sender: sender, method: method))
        }
    }

    // MARK: Rules

    /// A job per attendee for this version of the meeting (the organiser is left out when the
    /// job runs), each sent once; none for a meeting already over, or when the change asks for
    /// none (`sendInvitations` false: a meeting logged after the fact, or synced from a
    /// calendar that invited its people itself).
    private static func invite(_ meeting: Meeting, change: MeetingChange, session: any StoreSession, at now: Date) async throws {
        guard !meeting.attendees.isEmpty, change.sendInvitations else { return }
        let lastEnd = meeting.recurrence.map { $0.lastEnd(start: meeting.startsAt, duration: meeting.endsAt.timeIntervalSince(meeting.startsAt)) } ?? meeting.endsAt
        if let lastEnd, lastEnd < now { return }
        // Rewritten with the meeting, the attendees' stored places are their places in the list.
        let requests = try meeting.attendees.indices.map { position in
            try JobRequest(
                MeetingInvitePayload(meetingID: meeting.id, workspaceID: meeting.workspaceID, sequence: meeting.sequence, position: position),
                uniqueKey: "\(meeting.id):\(meeting.sequence):\(position)", maxAttempts: 6)
        }
        _ = try await session.jobs.enqueue(requests, now: now)
    }

    /// The meeting as a calendar shows it (neither the deal nor the customer it is about).
    private static func calendarView(of meeting: Meeting) -> Meeting {
        var view = meeting
        view.dealID = nil
        view.customerID = nil
        view.updatedAt = meeting.createdAt
        view.attendees = meeting.attendees.map { attendee in
            var plain = attendee
            plain.position = 0
            plain.customerID = nil
            return plain
        }
        return view
    }

    static func existing(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Meeting {
        guard let meeting = try await session.calendar.meeting(id: id, workspaceID: workspaceID) else {
            throw RapportError.notFound("No meeting with id \(id.prefix(64)).")
        }
        return meeting
    }

    private static func apply(_ change: MeetingChange, to meeting: inout Meeting, by actor: Actor, session: any StoreSession) async throws {
        if let title = change.title { meeting.title = try MeetingRules.title(title) }
        if let start = change.startsAt { meeting.startsAt = start }
        if let end = change.endsAt { meeting.endsAt = end }
        try MeetingRules.times(meeting.startsAt, meeting.endsAt)
        if let zone = change.timeZone { meeting.timeZone = try MeetingRules.timeZone(zone) }
        if let location = change.location { meeting.location = try MeetingRules.text(location, field: "location", maximum: 500) }
        if let description = change.description { meeting.description = try MeetingRules.text(description, field: "description", maximum: 5000) }
        if let ownerID = change.ownerID, ownerID != meeting.ownerID {
            try await AssignmentCheck.owner(ownerID, mayDo: .viewTasks, work: "hold meetings", actor: actor, session: session)
            meeting.ownerID = ownerID
        }
        if let attendees = change.attendees { meeting.attendees = try await MeetingRules.attendees(attendees, actor: actor, session: session) }
        if let recurrence = change.recurrence { meeting.recurrence = recurrence }
        // Checked against the start and zone as they are now, whichever of them changed.
        if let recurrence = meeting.recurrence { meeting.recurrence = try MeetingRules.recurrence(recurrence, startingAt: meeting.startsAt, in: meeting.timeZone) }
        if let status = change.status { meeting.status = status }
        if let dealID = change.dealID {
            if let dealID, try await session.sales.deal(id: dealID, workspaceID: actor.workspaceID) == nil {
                throw RapportError.invalid(field: "deal_id", "names no deal of this workspace (\(dealID.prefix(64)))")
            }
            meeting.dealID = dealID
        }
        if let customerID = change.customerID {
            if let customerID { try await AssignmentCheck.customer(customerID, actor: actor, session: session) }
            meeting.customerID = customerID
        }
    }
}
