extension Migration {
    /// Journey messages through the campaign send log (ADR 0013): a campaign may send for a
    /// journey version's message step (`journey_id`, `journey_version`, `journey_step`, and
    /// whether its messages are marketing), one campaign per step and version; and a send is
    /// unique by campaign, customer and `occurrence` (empty for a campaign's one send, the
    /// enrolment, step and visit for a journey's), so a customer who enters again hears the
    /// step again and a step run twice cannot send twice. SQLite cannot drop a table's
    /// `UNIQUE`, so there the log is copied into a table with the new key; PostgreSQL swaps the
    /// constraint in place.
    static let journeySends = Migration(version: 34, name: "journey_sends") { dialect in
        let campaigns = [
            "ALTER TABLE campaigns ADD COLUMN journey_id TEXT",
            "ALTER TABLE campaigns ADD COLUMN journey_version INTEGER",
            "ALTER TABLE campaigns ADD COLUMN journey_step TEXT",
            "ALTER TABLE campaigns ADD COLUMN marketing INTEGER NOT NULL DEFAULT 1",
            "CREATE UNIQUE INDEX campaigns_journey_step ON campaigns (journey_id, journey_version, journey_step) WHERE journey_id IS NOT NULL",
        ]
        guard dialect.kind == .sqlite else {
            return campaigns + [
                "ALTER TABLE campaign_sends ADD COLUMN occurrence TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE campaign_sends DROP CONSTRAINT campaign_sends_campaign_id_customer_id_key",
                "ALTER TABLE campaign_sends ADD CONSTRAINT campaign_sends_occurrence UNIQUE (campaign_id, customer_id, occurrence)",
            ]
        }
        let columns = """
            id, campaign_id, workspace_id, customer_id, variant, status, skip_reason, address, provider_message_id, queued_at, sent_at, delivered_at,
              opened_at, clicked_at, unsubscribed_at, bounced_at, complained_at, replied_at, error, attempts, claim_token, claimed_until, opens,
              last_opened_at, clicks, last_clicked_at
            """
        return campaigns + [
            """
            CREATE TABLE campaign_sends_next (
              id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE, workspace_id TEXT NOT NULL,
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, variant TEXT, status TEXT NOT NULL, skip_reason TEXT,
              address TEXT, provider_message_id TEXT, queued_at BIGINT NOT NULL, sent_at BIGINT, delivered_at BIGINT, opened_at BIGINT,
              clicked_at BIGINT, unsubscribed_at BIGINT, bounced_at BIGINT, complained_at BIGINT, replied_at BIGINT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,
              claim_token TEXT, claimed_until BIGINT, opens INTEGER NOT NULL DEFAULT 0, last_opened_at BIGINT, clicks INTEGER NOT NULL DEFAULT 0, last_clicked_at BIGINT,
              occurrence TEXT NOT NULL DEFAULT '',
              UNIQUE (campaign_id, customer_id, occurrence))
            """,
            "INSERT INTO campaign_sends_next (\(columns)) SELECT \(columns) FROM campaign_sends",
            "DROP TABLE campaign_sends",
            "ALTER TABLE campaign_sends_next RENAME TO campaign_sends",
            "CREATE INDEX campaign_sends_customer ON campaign_sends (customer_id, sent_at)",
            "CREATE INDEX campaign_sends_due ON campaign_sends (campaign_id, status, claimed_until, id)",
            "CREATE INDEX campaign_sends_message ON campaign_sends (provider_message_id) WHERE provider_message_id IS NOT NULL",
            "CREATE INDEX campaign_sends_sent ON campaign_sends (campaign_id, sent_at) WHERE sent_at IS NOT NULL",
        ]
    }
}
