import Foundation

/// Makes the alerts time brings, from every workspace: a task's reminder and due time, a deal
/// stuck in its stage past the stage's days, a meeting about to start. Each alert is written
/// once per recipient and origin, and announced (to the recipient's live streams) only when
/// written, so sweeps on several servers alert once. Reads only what is due: tasks by their
/// next alert moment, stuck deals by their entry into the stage after the stage's last sweep,
/// meetings starting within `meetingLeadTime`.
public struct AlertSweep: Sendable {
    /// How long before a meeting starts its attendees are alerted.
    public static let meetingLeadTime: TimeInterval = 15 * 60

    let context: CoreContext
    var clock: any WallClock { context.clock }

    public init(context: CoreContext) {
        self.context = context
    }

    /// One pass: up to `limit` tasks, deals per stage and meetings; answers how many alerts it made.
    public func run(limit: Int = 500) async throws -> Int {
        let now = clock.now()
        return try await tasks(at: now, limit: limit) + (try await stuckDeals(at: now, limit: limit)) + (try await meetings(at: now, limit: limit))
    }

    /// Tasks whose reminder or due time came: one alert each for the owner, else the team.
    func tasks(at now: Date, limit: Int) async throws -> Int {
        try await context.write { transaction in
            let session = transaction.session
            let due = try await session.tasks.alertsDue(at: now, limit: limit)
            var alerts: [Alert] = []
            for (workspaceID, tasks) in Dictionary(grouping: due, by: \.workspaceID) {
                let recipients = try await AlertRecipients.load(workspaceID: workspaceID, session: session)
                for task in tasks {
                    let users = recipients.users(ownerID: task.ownerID, teamID: task.teamID)
                    if let remindAt = task.remindAt, remindAt <= now {
                        alerts += make(.taskReminder, for: users, subjectID: task.id, workspaceID: workspaceID, customerID: task.customerID,
                            title: task.title, origin: "task.remind:\(task.id):\(Timestamp.microseconds(remindAt))", dueAt: task.dueAt, at: now)
                    }
                    if let dueAt = task.dueAt, dueAt <= now {
                        alerts += make(.taskOverdue, for: users, subjectID: task.id, workspaceID: workspaceID, customerID: task.customerID,
                            title: task.title, origin: "task.due:\(task.id):\(Timestamp.microseconds(dueAt))", dueAt: dueAt, at: now)
                    }
                }
            }
            for task in due { try await session.tasks.setNextAlert(at: task.nextAlertAt(after: now), taskID: task.id) }
            return try await save(alerts, in: transaction)
        }
    }

    /// Deals in an open stage longer than its `stuck_after_days`: one alert per stay in a stage
    /// (moving the deal on, or back, starts a new stay).
    func stuckDeals(at now: Date, limit: Int) async throws -> Int {
        var made = 0
        for watch in try await context.store.read({ session in try await session.sales.stuckWatches() }) {
            let stuckBy = now.addingTimeInterval(-Double(watch.stuckAfterDays) * 86_400)
            made += try await context.write { transaction in
                let session = transaction.session
                let deals = try await session.sales.deals(enteringStage: watch.stageID, after: watch.sweptUntil, upTo: stuckBy, limit: limit)
                let recipients = try await AlertRecipients.load(workspaceID: watch.workspaceID, session: session)
                var alerts: [Alert] = []
                for deal in deals {
                    let entered = Timestamp.microseconds(deal.stageEnteredAt)
                    alerts += make(.dealStuck, for: recipients.users(ownerID: deal.ownerID, teamID: deal.teamID), subjectID: deal.id,
                        workspaceID: deal.workspaceID, customerID: deal.customerID, title: deal.title, origin: "deal.stuck:\(deal.id):\(entered)",
                        dueAt: deal.stageEnteredAt.addingTimeInterval(Double(watch.stuckAfterDays) * 86_400), at: now)
                }
                // A full page may end among deals that entered at the same moment: the next pass
                // starts just before it (and alerts none twice).
                let sweptUntil = deals.count < limit ? stuckBy : deals[deals.count - 1].stageEnteredAt.addingTimeInterval(-0.000_001)
                if sweptUntil > (watch.sweptUntil ?? .distantPast) { try await session.sales.markStuckSwept(stageID: watch.stageID, until: sweptUntil) }
                return try await save(alerts, in: transaction)
            }
        }
        return made
    }

    /// Scheduled meetings starting within `meetingLeadTime`: the organiser and every team user
    /// asked. A meeting moved to a new time alerts again; a recurring one alerts for its first
    /// occurrence only.
    func meetings(at now: Date, limit: Int) async throws -> Int {
        try await context.write { transaction in
            let session = transaction.session
            let soon = try await session.calendar.meetings(startingAfter: now, upTo: now.addingTimeInterval(Self.meetingLeadTime), limit: limit)
            var alerts: [Alert] = []
            for (workspaceID, meetings) in Dictionary(grouping: soon, by: \.workspaceID) {
                let recipients = try await AlertRecipients.load(workspaceID: workspaceID, session: session)
                for meeting in meetings {
                    let users = recipients.active([meeting.ownerID] + meeting.attendees.compactMap(\.userID))
                    alerts += make(.meetingSoon, for: users, subjectID: meeting.id, workspaceID: workspaceID, customerID: meeting.customerID,
                        title: meeting.title, origin: "meeting.soon:\(meeting.id):\(Timestamp.microseconds(meeting.startsAt))", dueAt: meeting.startsAt, at: now)
                }
            }
            return try await save(alerts, in: transaction)
        }
    }

    private func make(
        _ kind: AlertKind, for users: [String], subjectID: String, workspaceID: String, customerID: String?, title: String, origin: String,
        dueAt: Date?, at now: Date
    ) -> [Alert] {
        users.map { userID in
            Alert(
                id: ResourceID.make(.alert, at: now), workspaceID: workspaceID, userID: userID, kind: kind, subjectID: subjectID, customerID: customerID,
                title: title, origin: origin, dueAt: dueAt, createdAt: now)
        }
    }

    /// Writes the alerts and announces those written (not those another pass wrote first).
    private func save(_ alerts: [Alert], in transaction: WriteTransaction) async throws -> Int {
        guard !alerts.isEmpty else { return 0 }
        let added = try await transaction.session.alerts.insert(alerts)
        transaction.announceAfterCommit(added.map(LiveUpdate.init))
        return added.count
    }
}
