extension Migration {
    /// Insights: each workspace's latest lifetime model (JSON) and every customer's forecast
    /// from it, replaced whole at each refresh. `DOUBLE PRECISION` is a REAL in SQLite.
    static let insights = Migration(version: 8, name: "insights") { _ in
        [
            """
            CREATE TABLE lifetime_models (
              workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id), model TEXT NOT NULL, fitted_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE customer_lifetime_values (
              customer_id TEXT PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE, workspace_id TEXT NOT NULL,
              expected_purchases DOUBLE PRECISION NOT NULL, probability_alive DOUBLE PRECISION NOT NULL,
              expected_order_value DOUBLE PRECISION NOT NULL, lifetime_value DOUBLE PRECISION NOT NULL,
              currency TEXT NOT NULL, computed_at BIGINT NOT NULL)
            """,
            "CREATE INDEX customer_lifetime_values_rank ON customer_lifetime_values (workspace_id, lifetime_value)",
        ]
    }
}
