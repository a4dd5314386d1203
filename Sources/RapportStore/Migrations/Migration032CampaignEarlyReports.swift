extension Migration {
    /// Delivery reports on campaign texts that came before their batch was recorded
    /// (`CampaignEarlyReport`), held until the record names the message, for an hour at most.
    static let campaignEarlyReports = Migration(version: 32, name: "campaign_early_reports") { _ in
        [
            """
            CREATE TABLE campaign_early_reports (
              inbox_id TEXT NOT NULL, provider_message_id TEXT NOT NULL, kind TEXT NOT NULL, occurred_at BIGINT NOT NULL, received_at BIGINT NOT NULL,
              PRIMARY KEY (inbox_id, provider_message_id, kind))
            """,
            "CREATE INDEX campaign_early_reports_received ON campaign_early_reports (received_at)",
        ]
    }
}
