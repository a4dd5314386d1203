extension Migration {
    /// Consumers read the event log only as far as it is final. On PostgreSQL each event
    /// records the transaction that wrote it (sequence numbers are taken before commit, so a
    /// slow transaction can commit a lower number after a higher one was read); a consumer's
    /// position is that transaction and the sequence number. Events written before this get
    /// transaction 0 and the cursors stay at their sequence in it, so nothing already dispatched
    /// comes again and nothing pending is skipped — including an event a transaction that began
    /// before this migration writes after it (its own transaction id, above 0). SQLite commits
    /// one transaction at a time, so its events need no such column.
    static let settledEvents = Migration(version: 15, name: "settled_events") { dialect in
        var statements = ["ALTER TABLE event_cursors ADD COLUMN writer_xid BIGINT NOT NULL DEFAULT 0"]
        if dialect.kind == .postgresql {
            statements += [
                // A constant default: existing rows get 0 without rewriting the table.
                "ALTER TABLE domain_events ADD COLUMN writer_xid xid8 NOT NULL DEFAULT '0'",
                "ALTER TABLE domain_events ALTER COLUMN writer_xid SET DEFAULT pg_current_xact_id()",
                "CREATE INDEX domain_events_settled ON domain_events (writer_xid, sequence)",
            ]
        }
        return statements
    }
}
