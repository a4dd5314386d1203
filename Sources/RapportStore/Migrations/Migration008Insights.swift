extension Migration {
    /// Insights: each workspace's latest lifetime model (JSON) and every customer's forecast
    /// from it, replaced whole at each refresh (`DOUBLE PRECISION` is a REAL in SQLite); RFM
    /// values, scores and segments per customer with the workspace's quintile cut points and
    /// how far through the orders' changes they are; orders by last change, for that.
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
            """
            CREATE TABLE rfm_states (
              workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id), thresholds TEXT NOT NULL, currency TEXT NOT NULL,
              orders_changed_through BIGINT NOT NULL, computed_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE customer_rfm (
              customer_id TEXT PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE, workspace_id TEXT NOT NULL,
              last_order_at BIGINT NOT NULL, orders INTEGER NOT NULL, monetary BIGINT NOT NULL, recency_score INTEGER NOT NULL,
              frequency_score INTEGER NOT NULL, monetary_score INTEGER NOT NULL, segment TEXT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX customer_rfm_segment ON customer_rfm (workspace_id, segment)",
            "CREATE INDEX orders_changed ON orders (workspace_id, updated_at)",
        ]
    }
}
