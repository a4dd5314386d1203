extension Migration {
    /// Who holds an idempotency key's claim: only that request may answer or free it, so a
    /// request that took over a stale claim is not undone by the first one finishing late.
    static let idempotencyClaims = Migration(version: 14, name: "idempotency_claims") { _ in
        ["ALTER TABLE idempotency_keys ADD COLUMN claim_token TEXT"]
    }
}
