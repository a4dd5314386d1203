extension Migration {
    /// Identity provenance: whether a customer's link to an identity was proven (a signed
    /// webhook, a channel message, a secret or server key) or only asserted (a browser write
    /// key, an unsigned web-chat visitor, an e-mail sender, a caller id). Rows written before
    /// could have come either way; those that only a browser, a visitor, an e-mail sender or a
    /// caller could have named (anonymous ids, the tracking API's user ids, identities from the
    /// e-mail and voice channels) are kept as asserted, the rest as proven
    /// (`Identity.legacyProvenance`, the same rule), since no log tells them apart.
    static let identityProvenance = Migration(version: 10, name: "identity_provenance") { _ in
        [
            "ALTER TABLE customer_identities ADD COLUMN provenance TEXT NOT NULL DEFAULT 'proven'",
            """
            UPDATE customer_identities SET provenance = 'asserted'
            WHERE kind = 'anonymous' OR (kind = 'external' AND namespace = 'app') OR source IN ('email', 'voice')
            """,
        ]
    }
}
