extension Migration {
    /// One-time tokens of signed deliveries (Mailgun's), per inbox, so a captured post cannot
    /// be replayed; purged once too old to be accepted anyway.
    static let inboundNonces = Migration(version: 13, name: "inbound_nonces") { _ in
        [
            "CREATE TABLE inbound_nonces (inbox_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at BIGINT NOT NULL, PRIMARY KEY (inbox_id, nonce))",
            "CREATE INDEX inbound_nonces_seen ON inbound_nonces (seen_at)",
        ]
    }
}
