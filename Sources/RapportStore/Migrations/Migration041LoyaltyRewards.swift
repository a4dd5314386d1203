extension Migration {
    /// Loyalty rewards (issue 24): the discount codes customers took for their points, unique in
    /// the workspace (an order's discount code finds its reward), read by customer (their page,
    /// their export; they go with the customer and move with a merge).
    static let loyaltyRewards = Migration(version: 41, name: "loyalty rewards") { _ in
        [
            """
            CREATE TABLE loyalty_reward_codes (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id),
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, code TEXT NOT NULL, reward TEXT NOT NULL,
              points BIGINT NOT NULL, entry_id TEXT NOT NULL, issued_by TEXT NOT NULL, issued_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,
              used_at BIGINT, order_id TEXT)
            """,
            "CREATE UNIQUE INDEX loyalty_reward_codes_code ON loyalty_reward_codes (workspace_id, code)",
            "CREATE INDEX loyalty_reward_codes_customer ON loyalty_reward_codes (customer_id, issued_at)",
        ]
    }
}
