extension Migration {
    /// Product reviews (ADR 0014): one per customer and product, read by product and status
    /// (the shop's page, the product's figures), by status across products (the moderation
    /// queue), and by customer (their export; they go with the customer).
    static let reviews = Migration(version: 37, name: "reviews") { _ in
        [
            """
            CREATE TABLE reviews (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), product_id TEXT NOT NULL,
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, order_id TEXT,
              rating INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, locale TEXT, status TEXT NOT NULL, rejection_reason TEXT,
              verified INTEGER NOT NULL, sentiment DOUBLE PRECISION NOT NULL, reply TEXT, replied_at BIGINT, moderated_by TEXT, moderated_at BIGINT,
              source TEXT NOT NULL, submitted_by TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX reviews_author ON reviews (workspace_id, product_id, customer_id)",
            "CREATE INDEX reviews_product ON reviews (workspace_id, product_id, status, id)",
            "CREATE INDEX reviews_status ON reviews (workspace_id, status, id)",
            "CREATE INDEX reviews_customer ON reviews (customer_id)",
        ]
    }
}
