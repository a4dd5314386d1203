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
    /// How long after its moment a task's reminder or due time, or a deal's becoming stuck, still alerts.
    public static let staleAfter: TimeInterval = 24 * 3600

    let context: CoreContext
    var clock: any WallClock { context.clock }

    public init(context: CoreContext) {
        self.context = context
    }

    /// One pass: up to `limit` tasks, deals per stage and meetings; answers how many alerts it
    /// made. Each part runs even when another fails (a lost race on PostgreSQL); the first
    /// failure is thrown after all three, for the log.
    public func run(limit: Int = 500) async throws -> Int {
        let now = clock.now()
        var made = 0
        var failure: (any Error)?
        for part in [tasks, stuckDeals, meetings] as [(Date, Int) async throws -> Int] {
            do { made += try await part(now, limit) } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
        return made
    }

    /// Tasks whose reminder or due time came: one alert each for the owner, else the team. A
    /// moment more than `staleAfter` past (a task made overdue, a server that was down, tasks
    /// from before alerts existed) alerts no one: alerts are about now.
    func tasks(at now: Date, limit: Int) async throws -> Int {
        try await context.write { transaction in
            let session = transaction.session
            let due = try await session.tasks.alertsDue(at: now, limit: limit)
            var alerts: [Alert] = []
            for (workspaceID, tasks) in Dictionary(grouping: due, by: \.workspaceID) {
                let recipients = try await AlertRecipients.load(workspaceID: workspaceID, session: session)
                for task in tasks {
                    let users = recipients.users(ownerID: task.ownerID, teamID: task.teamID)
                    if let remindAt = task.remindAt, remindAt <= now, now.timeIntervalSince(remindAt) <= Self.staleAfter {
                        alerts += AlertWriter.alerts(.taskReminder, for: users, subjectID: task.id, workspaceID: workspaceID, customerID: task.customerID,
                            title: task.title, origin: AlertOrigin.taskReminder(task, at: remindAt), dueAt: task.dueAt, at: now)
                    }
                    if let dueAt = task.dueAt, dueAt <= now, now.timeIntervalSince(dueAt) <= Self.staleAfter {
                        alerts += AlertWriter.alerts(.taskOverdue, for: users, subjectID: task.id, workspaceID: workspaceID, customerID: task.customerID,
                            title: task.title, origin: AlertOrigin.taskDue(task, at: dueAt), dueAt: dueAt, at: now)
                    }
                }
            }
            for task in due { try await session.tasks.setNextAlert(at: task.nextAlertAt(after: now), taskID: task.id) }
            return try await AlertWriter.save(alerts, in: transaction)
        }
    }

    /// Deals in an open stage longer than its `stuck_after_days`: one alert per stay in a stage
    /// (moving the deal on, or back, starts a new stay). Each stage goes on from the last deal
    /// it looked at, in (entry time, id) order; a stage with nothing new costs one indexed read.
    func stuckDeals(at now: Date, limit: Int) async throws -> Int {
        var made = 0
        for watch in try await context.store.read({ session in try await session.sales.stuckWatches() }) {
            // Strictly longer than the stage's days, as `Deal.isStuck` counts.
            let stuckBy = now.addingTimeInterval(-Double(watch.stuckAfterDays) * 86_400 - 0.000_001)
            let deals = try await context.store.read { session in
                try await session.sales.deals(enteringStage: watch.stageID, after: watch.sweptUntil, afterID: watch.sweptID, upTo: stuckBy, limit: limit)
            }
            guard let last = deals.last else { continue }
            made += try await context.write { transaction in
                let session = transaction.session
                let recipients = try await AlertRecipients.load(workspaceID: watch.workspaceID, session: session)
                var alerts: [Alert] = []
                for deal in deals {
                    // Stuck for more than a day when first seen (a limit just added or shortened,
                    // deals from before alerts existed): shown on the board, not alerted.
                    let stuckAt = deal.stageEnteredAt.addingTimeInterval(Double(watch.stuckAfterDays) * 86_400)
                    guard now.timeIntervalSince(stuckAt) <= Self.staleAfter else { continue }
                    alerts += AlertWriter.alerts(.dealStuck, for: recipients.users(ownerID: deal.ownerID, teamID: deal.teamID), subjectID: deal.id,
                        workspaceID: deal.workspaceID, customerID: deal.customerID, title: deal.title, origin: AlertOrigin.dealStuck(deal),
                        dueAt: stuckAt, at: now)
                }
                try await session.sales.markStuckSwept(stageID: watch.stageID, until: last.stageEnteredAt, dealID: last.id)
                return try await AlertWriter.save(alerts, in: transaction)
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
                    alerts += AlertWriter.alerts(.meetingSoon, for: users, subjectID: meeting.id, workspaceID: workspaceID, customerID: meeting.customerID,
                        title: meeting.title, origin: AlertOrigin.meetingSoon(meeting), dueAt: meeting.startsAt, at: now)
                }
            }
            return try await AlertWriter.save(alerts, in: transaction)
        }
    }
}
