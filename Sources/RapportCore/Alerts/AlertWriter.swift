import Foundation

/// Alerts as every maker writes them (the sweep, the complaint watch): one per recipient,
/// written once per user and origin, announced on the recipient's live streams when written,
/// and e-mailed `mailDelay` later unless read by then.
public enum AlertWriter {
    /// How long an alert may stay unread before it is e-mailed to its user too.
    public static let mailDelay: TimeInterval = 10 * 60

    static func alerts(
        _ kind: AlertKind, for users: [String], subjectID: String, workspaceID: String, customerID: String?, title: String, origin: String,
        dueAt: Date?, at now: Date
    ) -> [Alert] {
        users.map { userID in
            Alert(
                id: ResourceID.make(.alert, at: now), workspaceID: workspaceID, userID: userID, kind: kind, subjectID: subjectID, customerID: customerID,
                title: title, origin: origin, dueAt: dueAt, createdAt: now)
        }
    }

    /// Writes the alerts; answers how many were new (not written by another pass first).
    static func save(_ alerts: [Alert], in transaction: WriteTransaction) async throws -> Int {
        guard !alerts.isEmpty else { return 0 }
        // In one order everywhere, so two servers writing the same alerts wait for each other
        // rather than deadlock (PostgreSQL).
        let added = try await transaction.session.alerts.insert(alerts.sorted { ($0.userID, $0.origin) < ($1.userID, $1.origin) })
        transaction.announceAfterCommit(added.map(LiveUpdate.init))
        let mails = try added.map { alert in
            try JobRequest(
                AlertMailPayload(alertID: alert.id, workspaceID: alert.workspaceID), runAt: alert.createdAt.addingTimeInterval(mailDelay),
                uniqueKey: alert.id, maxAttempts: 6)
        }
        _ = try await transaction.session.jobs.enqueue(mails, now: transaction.now)
        return added.count
    }
}
