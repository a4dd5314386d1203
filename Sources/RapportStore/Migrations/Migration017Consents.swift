extension Migration {
    /// Consent per purpose and channel: an append-only history of changes with their evidence
    /// (the current state is each pair's latest change), and the consent texts it references,
    /// stored once per workspace by their SHA-256. The history follows a customer through
    /// merges like the timeline does.
    static let consents = Migration(version: 17, name: "consents") { _ in
        [
            """
            CREATE TABLE consent_entries (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              purpose TEXT NOT NULL, channel TEXT NOT NULL, status TEXT NOT NULL, expires_at BIGINT,
              source TEXT NOT NULL, actor TEXT NOT NULL, ip_address TEXT, user_agent TEXT, text_hash TEXT,
              occurred_at BIGINT NOT NULL, recorded_at BIGINT NOT NULL)
            """,
            "CREATE INDEX consent_entries_customer ON consent_entries (customer_id, purpose, channel, occurred_at)",
            """
            CREATE TABLE consent_texts (
              workspace_id TEXT NOT NULL, hash TEXT NOT NULL, text TEXT NOT NULL, created_at BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, hash))
            """,
        ]
    }
}
