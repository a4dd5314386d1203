extension Migration {
    /// Admins deactivate users: they can no longer sign in and are not routed conversations.
    static let userAccess = Migration(version: 6, name: "user access") { _ in
        ["ALTER TABLE users ADD COLUMN deactivated_at BIGINT"]
    }
}
