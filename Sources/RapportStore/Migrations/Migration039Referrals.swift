extension Migration {
    /// Referrals (issue 24): each workspace's programme, each customer's code (unique in the
    /// workspace), and the friends who came with one (a friend once), read by code (its uses),
    /// by referrer, by status (the review queue, the sweep) and by the friend's creation (the
    /// referral rate). Both sides' rows go with either customer.
    static let referrals = Migration(version: 39, name: "referrals") { _ in
        [
            """
            CREATE TABLE referral_programs (
              workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id), enabled INTEGER NOT NULL, referrer_points BIGINT NOT NULL,
              friend_points BIGINT NOT NULL, minimum_order_amount BIGINT NOT NULL, qualifying_days INTEGER NOT NULL,
              maximum_uses_per_code INTEGER NOT NULL, landing_url TEXT, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE referral_codes (
              code TEXT NOT NULL, workspace_id TEXT NOT NULL REFERENCES workspaces (id),
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, created_at BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, code))
            """,
            "CREATE UNIQUE INDEX referral_codes_customer ON referral_codes (customer_id)",
            """
            CREATE TABLE referrals (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), code TEXT NOT NULL,
              referrer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              friend_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, status TEXT NOT NULL, flags TEXT NOT NULL,
              order_id TEXT, payment_fingerprint TEXT, rejection_reason TEXT, recorded_by TEXT NOT NULL, reviewed_by TEXT,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, rewarded_at BIGINT, check_after BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX referrals_friend ON referrals (workspace_id, friend_id)",
            "CREATE INDEX referrals_code ON referrals (workspace_id, code)",
            "CREATE INDEX referrals_referrer ON referrals (referrer_id, id)",
            "CREATE INDEX referrals_due ON referrals (status, check_after)",
            "CREATE INDEX referrals_workspace ON referrals (workspace_id, id)",
            "CREATE INDEX referrals_order ON referrals (workspace_id, order_id)",
            // The referral rate counts the customers created in a range.
            "CREATE INDEX customers_created ON customers (workspace_id, created_at)",
        ]
    }
}
