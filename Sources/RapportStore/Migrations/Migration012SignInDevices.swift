extension Migration {
    /// Sign-in that strangers cannot use to lock a user out: failures remember when the last
    /// one was (a failure long after the previous starts the count again), and the devices a
    /// user signed in on (their token's hash) pass the account's lock.
    static let signInDevices = Migration(version: 12, name: "sign_in_devices") { _ in
        [
            "ALTER TABLE users ADD COLUMN last_failed_at BIGINT",
            """
            CREATE TABLE user_devices (
              id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX user_devices_user ON user_devices (user_id)",
        ]
    }
}
