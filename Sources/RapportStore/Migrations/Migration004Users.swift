extension Migration {
    /// Users sign in: password hashes, failed sign-ins and the lockout they lead to, sessions.
    static let users = Migration(version: 4, name: "users") { _ in
        [
            "ALTER TABLE users ADD COLUMN password_hash TEXT",
            "ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE users ADD COLUMN locked_until BIGINT",
            "CREATE INDEX users_sign_in ON users (email)",
            """
            CREATE TABLE sessions (
              id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
              workspace_id TEXT NOT NULL, csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
        ]
    }
}
