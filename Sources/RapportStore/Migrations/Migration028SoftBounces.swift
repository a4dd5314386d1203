extension Migration {
    /// Soft bounces counted towards a suppression (`soft_bounce`): one row per address and
    /// message (`message_key`: the Message-ID, or the report's time when the provider named
    /// none), kept by the digest of the address as suppressions are, so they too outlive an
    /// erasure without keeping the address. The primary key serves the count per address; an
    /// address's rows older than the window go when it bounces again.
    static let softBounces = Migration(version: 28, name: "soft_bounces") { _ in
        [
            """
            CREATE TABLE soft_bounces (
              workspace_id TEXT NOT NULL, channel TEXT NOT NULL, address_digest TEXT NOT NULL, message_key TEXT NOT NULL,
              occurred_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, channel, address_digest, message_key))
            """,
        ]
    }
}
