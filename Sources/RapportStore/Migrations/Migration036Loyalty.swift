extension Migration {
    /// Loyalty (ADR 0014): the programme per workspace, the points ledger (never updated: a
    /// correction is another entry; `origin` unique per workspace so a replay writes an entry
    /// once), each customer's balance row kept with every entry, and each order's points still
    /// pending with the moment they become usable, found by time.
    static let loyalty = Migration(version: 36, name: "loyalty") { _ in
        [
            """
            CREATE TABLE loyalty_programs (
              workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id), settings TEXT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE loyalty_entries (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id),
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, kind TEXT NOT NULL,
              points BIGINT NOT NULL, pending_points BIGINT NOT NULL, reason TEXT NOT NULL, order_id TEXT, origin TEXT NOT NULL,
              actor TEXT, created_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX loyalty_entries_origin ON loyalty_entries (workspace_id, origin)",
            "CREATE INDEX loyalty_entries_customer ON loyalty_entries (customer_id, id)",
            "CREATE INDEX loyalty_entries_order ON loyalty_entries (order_id) WHERE order_id IS NOT NULL",
            """
            CREATE TABLE loyalty_balances (
              customer_id TEXT PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE, workspace_id TEXT NOT NULL REFERENCES workspaces (id),
              balance BIGINT NOT NULL, pending BIGINT NOT NULL, qualifying BIGINT NOT NULL)
            """,
            """
            CREATE TABLE loyalty_holds (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id),
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, points BIGINT NOT NULL, usable_at BIGINT)
            """,
            "CREATE INDEX loyalty_holds_due ON loyalty_holds (usable_at) WHERE usable_at IS NOT NULL",
            "CREATE INDEX loyalty_holds_customer ON loyalty_holds (customer_id)",
        ]
    }
}
