extension Migration {
    /// The consent gate: what a message was sent for (`messages.purpose`; none is a service
    /// message), and channel-wide suppressions (an SMS `STOP`, a hard bounce, a complaint),
    /// kept by the digest of the address, not the address; an address may be held for several
    /// reasons at once, each lifted on its own.
    static let consentGate = Migration(version: 20, name: "consent_gate") { _ in
        [
            "ALTER TABLE messages ADD COLUMN purpose TEXT",
            """
            CREATE TABLE suppressions (
              workspace_id TEXT NOT NULL, channel TEXT NOT NULL, address_digest TEXT NOT NULL, reason TEXT NOT NULL,
              source TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, channel, address_digest, reason))
            """,
        ]
    }
}
