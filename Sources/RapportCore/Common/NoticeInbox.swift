/// The inbox a workspace's own notices go out from (meeting invitations, alerts to users): its
/// first e-mail inbox with an address that sends by SMTP; nil when it has none.
enum NoticeInbox {
    static func first(workspaceID: String, session: any StoreSession) async throws -> Inbox? {
        try await session.inboxes.inboxes(workspaceID: workspaceID).first { $0.channel == .email && $0.address != nil && $0[.smtpHost] != nil }
    }
}
