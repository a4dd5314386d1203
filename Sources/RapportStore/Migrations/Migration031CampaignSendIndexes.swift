extension Migration {
    /// For the set-based audience resolution. Fewer b-trees for each send it writes (four instead
    /// of six): the `(campaign_id, status, id)` index repeats the start of `campaign_sends_due`
    /// (whose `(claimed_until, id)` order the claims and the release of a test's waiting members
    /// follow),
    /// and the index by message id now holds only sends that have one (a million queued sends
    /// have none). And a member's first address of a kind, and latest consent answer, are read
    /// in index order instead of sorted for each member. And the messages a campaign sent in a
    /// range are found without reading the rest (only sends that went are in that index).
    static let campaignSendIndexes = Migration(version: 31, name: "campaign_send_indexes") { _ in
        [
            "DROP INDEX campaign_sends_status",
            "DROP INDEX campaign_sends_message",
            "CREATE INDEX campaign_sends_message ON campaign_sends (provider_message_id) WHERE provider_message_id IS NOT NULL",
            // The insights' campaign return reads a campaign's messages sent in a range.
            "CREATE INDEX campaign_sends_sent ON campaign_sends (campaign_id, sent_at) WHERE sent_at IS NOT NULL",
            "DROP INDEX customer_identities_customer",
            "CREATE INDEX customer_identities_customer ON customer_identities (customer_id, kind, created_at, id)",
            "DROP INDEX consent_entries_customer",
            "CREATE INDEX consent_entries_customer ON consent_entries (customer_id, purpose, channel, occurred_at, recorded_at, id)",
        ]
    }
}
