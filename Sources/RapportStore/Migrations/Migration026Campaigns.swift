extension Migration {
    /// Campaigns and their send log: one row per recipient, unique per campaign and customer,
    /// so resolving an audience again never queues anyone twice (ADR 0011). The customer's
    /// sends by time serve the frequency cap and the timeline; the campaign's by status, the
    /// sender's claims (a send `sending` past `claimed_until` was left by a sender that died)
    /// and the report's counts; `claim_token` says which sender holds it. `audience_resolved_at`
    /// says the whole audience is in the log; `audience_cursor` and `resolving_until` let one
    /// sender at a time resolve it, going on from where a dead one stopped. `status_reason` says
    /// why the sender paused a campaign.
    static let campaigns = Migration(version: 26, name: "campaigns") { _ in
        [
            """
            CREATE TABLE campaigns (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), name TEXT NOT NULL, channel TEXT NOT NULL,
              inbox_id TEXT NOT NULL REFERENCES inboxes (id), status TEXT NOT NULL, definition TEXT NOT NULL,
              scheduled_at BIGINT, started_at BIGINT, audience_resolved_at BIGINT, audience_cursor TEXT, resolving_until BIGINT, finished_at BIGINT,
              status_reason TEXT, created_by TEXT NOT NULL,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX campaigns_status ON campaigns (workspace_id, status)",
            """
            CREATE TABLE campaign_sends (
              id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE, workspace_id TEXT NOT NULL,
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, variant TEXT, status TEXT NOT NULL, skip_reason TEXT,
              address TEXT, provider_message_id TEXT, queued_at BIGINT NOT NULL, sent_at BIGINT, delivered_at BIGINT, opened_at BIGINT,
              clicked_at BIGINT, unsubscribed_at BIGINT, bounced_at BIGINT, complained_at BIGINT, replied_at BIGINT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,
              claim_token TEXT, claimed_until BIGINT,
              UNIQUE (campaign_id, customer_id))
            """,
            "CREATE INDEX campaign_sends_customer ON campaign_sends (customer_id, sent_at)",
            "CREATE INDEX campaign_sends_status ON campaign_sends (campaign_id, status, id)",
            // A bounce or a reply names the message it answers by its Message-ID.
            "CREATE INDEX campaign_sends_message ON campaign_sends (provider_message_id)",
        ]
    }
}
