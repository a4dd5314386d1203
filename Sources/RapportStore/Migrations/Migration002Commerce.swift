extension Migration {
    /// The catalog, orders with lines, refunds, returns, tracked behaviour, shop sources and
    /// the webhook deliveries already handled; API keys gain a kind (secret or write).
    static let commerce = Migration(version: 2, name: "commerce") { dialect in
        [
            "ALTER TABLE api_keys ADD COLUMN kind TEXT NOT NULL DEFAULT 'secret'",
            """
            CREATE TABLE products (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), source TEXT NOT NULL,
              external_id TEXT NOT NULL, title TEXT NOT NULL, description TEXT, categories TEXT NOT NULL, image_url TEXT,
              active INTEGER NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX products_external ON products (workspace_id, source, external_id)",
            "CREATE INDEX products_newest ON products (workspace_id, id)",
            """
            CREATE TABLE product_variants (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,
              product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE, position INTEGER NOT NULL,
              sku TEXT, title TEXT NOT NULL, price BIGINT NOT NULL, currency TEXT NOT NULL, external_id TEXT)
            """,
            "CREATE INDEX product_variants_product ON product_variants (product_id, position)",
            "CREATE INDEX product_variants_sku ON product_variants (workspace_id, sku)",
            "CREATE INDEX product_variants_external ON product_variants (workspace_id, external_id)",
            """
            CREATE TABLE orders (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              number TEXT NOT NULL, source TEXT NOT NULL, external_id TEXT NOT NULL, status TEXT NOT NULL,
              channel TEXT NOT NULL, currency TEXT NOT NULL, subtotal BIGINT NOT NULL, discount BIGINT NOT NULL,
              tax BIGINT NOT NULL, shipping BIGINT NOT NULL, total BIGINT NOT NULL, refunded BIGINT NOT NULL,
              discount_codes TEXT NOT NULL, shipping_address TEXT, email TEXT, fulfillments TEXT NOT NULL,
              placed_at BIGINT NOT NULL, paid_at BIGINT, fulfilled_at BIGINT, delivered_at BIGINT, cancelled_at BIGINT,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX orders_external ON orders (workspace_id, source, external_id)",
            "CREATE INDEX orders_number ON orders (workspace_id, number)",
            "CREATE INDEX orders_customer ON orders (customer_id, placed_at)",
            "CREATE INDEX orders_placed ON orders (workspace_id, placed_at, id)",
            "CREATE INDEX orders_status ON orders (workspace_id, status, placed_at)",
            """
            CREATE TABLE order_lines (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,
              order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE, position INTEGER NOT NULL,
              product_id TEXT, variant_id TEXT, sku TEXT, title TEXT NOT NULL, quantity INTEGER NOT NULL,
              unit_price BIGINT NOT NULL, discount BIGINT NOT NULL)
            """,
            "CREATE INDEX order_lines_order ON order_lines (order_id, position)",
            "CREATE INDEX order_lines_product ON order_lines (product_id)",
            """
            CREATE TABLE refunds (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,
              order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE, amount BIGINT NOT NULL, reason TEXT,
              source TEXT NOT NULL, external_id TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX refunds_external ON refunds (workspace_id, source, external_id)",
            "CREATE INDEX refunds_order ON refunds (order_id)",
            """
            CREATE TABLE returns (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,
              order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE, customer_id TEXT NOT NULL,
              status TEXT NOT NULL, reason TEXT NOT NULL, items TEXT NOT NULL, refund_amount BIGINT,
              currency TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX returns_order ON returns (order_id, id)",
            "CREATE INDEX returns_customer ON returns (customer_id, status)",
            "CREATE INDEX returns_newest ON returns (workspace_id, id)",
            """
            CREATE TABLE tracked_events (
              sequence \(dialect.autoIncrementPrimaryKey), id TEXT NOT NULL, workspace_id TEXT NOT NULL,
              message_id TEXT NOT NULL, type TEXT NOT NULL, name TEXT, anonymous_id TEXT, user_id TEXT,
              customer_id TEXT REFERENCES customers (id) ON DELETE CASCADE, product_ref TEXT,
              properties TEXT NOT NULL, context TEXT NOT NULL, occurred_at BIGINT NOT NULL, received_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX tracked_events_message ON tracked_events (workspace_id, message_id)",
            "CREATE INDEX tracked_events_customer ON tracked_events (customer_id, occurred_at, id)",
            "CREATE INDEX tracked_events_anonymous ON tracked_events (workspace_id, anonymous_id) WHERE customer_id IS NULL",
            """
            CREATE TABLE sources (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), kind TEXT NOT NULL,
              name TEXT NOT NULL, secret TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE webhook_deliveries (
              source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE, delivery_id TEXT NOT NULL,
              received_at BIGINT NOT NULL, PRIMARY KEY (source_id, delivery_id))
            """,
        ]
    }
}
