extension Migration {
    /// Erasure and the audit log.
    ///
    /// - `customers.erased_at` marks the record that keeps an erased person's orders for the
    ///   books: it holds nothing of them and is never shown, restored or purged.
    /// - `erased_subjects` remembers erased customer ids only as SHA-256 digests, so a later
    ///   request for one answers 410 Gone without Rapport keeping the id.
    /// - `audit_entries` is append-only and chained: each entry carries the hash of the one
    ///   before it. The subject's id may be blanked by an erasure; the chain covers its digest,
    ///   so it still verifies. `audit_heads` holds each workspace's latest position and hash,
    ///   and is the row an append locks, so entries are chained one after the other.
    static let privacyAndAudit = Migration(version: 18, name: "privacy_and_audit") { _ in
        [
            "ALTER TABLE customers ADD COLUMN erased_at BIGINT",
            """
            CREATE TABLE erased_subjects (
              workspace_id TEXT NOT NULL, digest TEXT NOT NULL, erased_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, digest))
            """,
            """
            CREATE TABLE audit_entries (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, position BIGINT NOT NULL, occurred_at BIGINT NOT NULL,
              actor TEXT NOT NULL, action TEXT NOT NULL, subject_type TEXT, subject_id TEXT, subject_digest TEXT,
              details TEXT NOT NULL, ip_address TEXT, previous_hash TEXT NOT NULL, hash TEXT NOT NULL,
              UNIQUE (workspace_id, position))
            """,
            "CREATE INDEX audit_entries_subject ON audit_entries (workspace_id, subject_digest)",
            "CREATE INDEX audit_entries_action ON audit_entries (workspace_id, action, position)",
            "CREATE TABLE audit_heads (workspace_id TEXT PRIMARY KEY, position BIGINT NOT NULL, hash TEXT NOT NULL)",
        ]
    }
}
