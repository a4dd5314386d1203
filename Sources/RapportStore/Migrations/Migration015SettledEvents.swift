extension Migration {
    /// Consumers read the event log only as far as it is final. On PostgreSQL each event
    /// records the transaction that wrote it (sequence numbers are taken before commit, so a
    /// slow transaction can commit a lower number after a higher one was read); a consumer's
    /// position is that transaction and the sequence number. Events written before this carry
    /// the migration's transaction, and each cursor is placed on it at its old sequence, so
    /// nothing already dispatched comes again and nothing pending is skipped. SQLite commits
    /// one transaction at a time, so its events need no such column.
    static let settledEvents = Migration(version: 15, name: "settled_events") { dialect in
        var statements = ["ALTER TABLE event_cursors ADD COLUMN writer_xid BIGINT NOT NULL DEFAULT 0"]
        if dialect.kind == .postgresql {
            statements += [
                "ALTER TABLE domain_events ADD COLUMN writer_xid xid8 NOT NULL DEFAULT pg_current_xact_id()",
                "CREATE INDEX domain_events_settled ON domain_events (writer_xid, sequence)",
                "UPDATE event_cursors SET writer_xid = pg_current_xact_id()::text::bigint",
            ]
        }
        return statements
    }
}
