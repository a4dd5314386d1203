extension Migration {
    /// Identity provenance: whether a customer's link to an identity was proven (a signed
    /// webhook, a channel message, a secret or server key) or only asserted (a browser write
    /// key, an unsigned web-chat visitor, an e-mail sender, a caller id). Rows written before
    /// could have come either way; those that only a browser or a visitor could have named
    /// (anonymous ids and the tracking API's user ids) are kept as asserted, the rest as
    /// proven — which the README's security section says, since no log tells them apart.
    static let identityProvenance = Migration(version: 10, name: "identity_provenance") { _ in
        [
            "ALTER TABLE customer_identities ADD COLUMN provenance TEXT NOT NULL DEFAULT 'proven'",
            "UPDATE customer_identities SET provenance = 'asserted' WHERE kind = 'anonymous' OR (kind = 'external' AND namespace = 'app')",
        ]
    }
}
