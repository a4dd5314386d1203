import Foundation

/// A user's own alerts: listed (all or unread, with the unread count), marked read or unread,
/// or all read at once; and the e-mail of one left unread (`AlertWriter.mailDelay`). Only a
/// signed-in user has alerts: an API key is refused (it is no one's inbox). Nobody reads or
/// changes another user's alerts, admins included.
public struct AlertService: Sendable {
    let context: CoreContext
    var store: any DataStore { context.store }

    public init(context: CoreContext) {
        self.context = context
    }

    public func list(unreadOnly: Bool, page: PageRequest, as actor: Actor) async throws -> (alerts: Page<Alert>, unread: Int) {
        let userID = try Self.user(of: actor)
        return try await store.read { session in
            (
                try await session.alerts.alerts(workspaceID: actor.workspaceID, userID: userID, unreadOnly: unreadOnly, page: page),
                try await session.alerts.unreadCount(workspaceID: actor.workspaceID, userID: userID)
            )
        }
    }

    /// Marks the alert read (`read`) or unread again.
    public func mark(id: String, read: Bool, as actor: Actor) async throws -> Alert {
        let userID = try Self.user(of: actor)
        return try await store.write { session in
            guard var alert = try await session.alerts.alert(id: id, workspaceID: actor.workspaceID, userID: userID) else {
                throw RapportError.notFound("No alert with id \(id.prefix(64)).")
            }
            if read == (alert.readAt == nil) {
                alert.readAt = read ? context.clock.now() : nil
                try await session.alerts.setRead(id: id, workspaceID: actor.workspaceID, at: alert.readAt)
            }
            return alert
        }
    }

    /// Marks every unread alert of the user read; answers how many.
    public func markAllRead(as actor: Actor) async throws -> Int {
        let userID = try Self.user(of: actor)
        return try await store.write { session in
            try await session.alerts.markAllRead(workspaceID: actor.workspaceID, userID: userID, at: context.clock.now())
        }
    }

    /// The e-mail of an alert still unread whose subject still stands, to its user while they
    /// are active, from the workspace's notice inbox; nil when there is nothing to send (read,
    /// settled, no inbox, the address bounced). The `alert.mail` job asks when it runs.
    public func mail(_ payload: AlertMailPayload) async throws -> AlertMail? {
        try await store.read { session in
            guard let alert = try await session.alerts.alert(id: payload.alertID, workspaceID: payload.workspaceID, userID: nil), alert.readAt == nil,
                try await Self.stillStands(alert, at: context.clock.now(), session: session),
                let user = try await session.inboxes.agent(id: alert.userID, workspaceID: payload.workspaceID), user.deactivatedAt == nil,
                let inbox = try await NoticeInbox.first(workspaceID: payload.workspaceID, session: session),
                !(try await session.suppressions.reasons(channel: .email, address: user.email, workspaceID: payload.workspaceID))
                    .contains(where: \.holdsServiceMessages)
            else { return nil }
            return AlertMail(
                alert: alert, address: user.email, inbox: inbox, subject: AlertMailText.subject(alert), text: AlertMailText.body(alert, userName: user.name))
        }
    }

    /// Whether what the alert says is still so: the task open, the deal still in the stay that
    /// made it stuck, the meeting still scheduled and not begun, the hot lead still open. A
    /// complaint stands.
    private static func stillStands(_ alert: Alert, at now: Date, session: any StoreSession) async throws -> Bool {
        switch alert.kind {
        case .taskReminder, .taskOverdue:
            return try await session.tasks.find(id: alert.subjectID, workspaceID: alert.workspaceID)?.status == .open
        case .dealStuck:
            guard let deal = try await session.sales.deal(id: alert.subjectID, workspaceID: alert.workspaceID) else { return false }
            return deal.status == .open && alert.origin == AlertOrigin.dealStuck(deal)
        case .meetingSoon:
            guard let meeting = try await session.calendar.meeting(id: alert.subjectID, workspaceID: alert.workspaceID) else { return false }
            return meeting.status == .scheduled && meeting.startsAt > now
        case .complaint:
            return true
        case .leadHot:
            guard let lead = try await session.leads.lead(id: alert.subjectID, workspaceID: alert.workspaceID) else { return false }
            return lead.status.isOpen
        }
    }

    private static func user(of actor: Actor) throws -> String {
        guard let userID = actor.userID else {
            throw RapportError.forbidden("Alerts are a signed-in user's own; an API key has none.")
        }
        return userID
    }
}
