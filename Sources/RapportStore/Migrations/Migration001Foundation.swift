extension Migration {
    /// Workspaces, API keys, customers with identities, the timeline, merges, the event log
    /// and idempotency records.
    static let foundation = Migration(version: 1, name: "foundation") { dialect in
        [
            "CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at BIGINT NOT NULL)",
            """
            CREATE TABLE api_keys (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), name TEXT NOT NULL,
              display_prefix TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, revoked_at BIGINT)
            """,
            """
            CREATE TABLE customers (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id),
              first_name TEXT, last_name TEXT, locale TEXT, timezone TEXT, notes TEXT,
              addresses TEXT NOT NULL, tags TEXT NOT NULL, attributes TEXT NOT NULL, search_document TEXT NOT NULL,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, deleted_at BIGINT, merged_into_id TEXT)
            """,
            "CREATE INDEX customers_live ON customers (workspace_id, id) WHERE deleted_at IS NULL AND merged_into_id IS NULL",
            "CREATE INDEX customers_deleted ON customers (deleted_at) WHERE deleted_at IS NOT NULL",
            """
            CREATE TABLE customer_identities (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              kind TEXT NOT NULL, namespace TEXT NOT NULL, value TEXT NOT NULL, source TEXT, created_at BIGINT NOT NULL)
            """,
            // Value first: a batch of lookups is one `value IN (…)` range scan per workspace.
            "CREATE UNIQUE INDEX customer_identities_key ON customer_identities (workspace_id, value, kind, namespace)",
            "CREATE INDEX customer_identities_customer ON customer_identities (customer_id)",
            """
            CREATE TABLE interactions (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              channel TEXT NOT NULL, direction TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT,
              occurred_at BIGINT NOT NULL, payload TEXT, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX interactions_timeline ON interactions (customer_id, occurred_at, id)",
            """
            CREATE TABLE merges (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, survivor_id TEXT NOT NULL, merged_id TEXT NOT NULL,
              actor TEXT NOT NULL, reason TEXT NOT NULL, survivor_before TEXT NOT NULL, merged_before TEXT NOT NULL,
              survivor_after TEXT NOT NULL, created_at BIGINT NOT NULL, undone_at BIGINT)
            """,
            "CREATE INDEX merges_survivor ON merges (survivor_id, id)",
            "CREATE TABLE merge_moves (merge_id TEXT NOT NULL, interaction_id TEXT NOT NULL, PRIMARY KEY (merge_id, interaction_id))",
            """
            CREATE TABLE merge_suggestions (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, customer_id TEXT NOT NULL, candidate_id TEXT NOT NULL,
              identity_kind TEXT NOT NULL, identity_value TEXT NOT NULL, reason TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX merge_suggestions_pair ON merge_suggestions (workspace_id, customer_id, candidate_id)",
            """
            CREATE TABLE domain_events (
              sequence \(dialect.autoIncrementPrimaryKey), id TEXT NOT NULL UNIQUE, workspace_id TEXT NOT NULL,
              type TEXT NOT NULL, subject_id TEXT NOT NULL, payload TEXT NOT NULL, occurred_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE idempotency_keys (
              workspace_id TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER,
              headers TEXT, body TEXT, created_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, key))
            """,
        ] + dialect.customerSearchSchema
    }
}
