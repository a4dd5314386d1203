extension Migration {
    /// Double opt-in: sign-ups waiting for (or done with) their confirmation, with the address
    /// and time of both halves; a consent change a confirmation made keeps the sign-up's half
    /// beside its own.
    static let signUps = Migration(version: 21, name: "sign_ups") { _ in
        [
            """
            CREATE TABLE sign_ups (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, address TEXT NOT NULL, purposes TEXT NOT NULL, text_hash TEXT,
              locale TEXT, inbox_id TEXT NOT NULL, requested_by TEXT NOT NULL, signed_up_at BIGINT NOT NULL,
              sign_up_ip_address TEXT, sign_up_user_agent TEXT, expires_at BIGINT NOT NULL, status TEXT NOT NULL, sent_at BIGINT,
              confirmed_at BIGINT, confirmed_ip_address TEXT, confirmed_user_agent TEXT,
              customer_id TEXT REFERENCES customers (id) ON DELETE CASCADE)
            """,
            "CREATE INDEX sign_ups_address ON sign_ups (workspace_id, address, signed_up_at)",
            "CREATE INDEX sign_ups_recent ON sign_ups (workspace_id, signed_up_at)",
            "CREATE INDEX sign_ups_unconfirmed ON sign_ups (expires_at) WHERE confirmed_at IS NULL",
            "ALTER TABLE consent_entries ADD COLUMN signed_up_at BIGINT",
            "ALTER TABLE consent_entries ADD COLUMN sign_up_ip_address TEXT",
            "ALTER TABLE consent_entries ADD COLUMN sign_up_user_agent TEXT",
        ]
    }
}
