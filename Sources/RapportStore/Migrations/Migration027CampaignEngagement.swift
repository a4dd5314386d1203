extension Migration {
    /// How often a campaign message was opened and clicked, and when last: the first open and
    /// click are `opened_at` and `clicked_at` (migration 26), the latest are what last-touch
    /// attribution reads, since an order belongs to the touch just before it. Attribution
    /// looks sends up by customer (`campaign_sends_customer`, migration 26).
    static let campaignEngagement = Migration(version: 27, name: "campaign_engagement") { _ in
        [
            "ALTER TABLE campaign_sends ADD COLUMN opens INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE campaign_sends ADD COLUMN last_opened_at BIGINT",
            "ALTER TABLE campaign_sends ADD COLUMN clicks INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE campaign_sends ADD COLUMN last_clicked_at BIGINT",
        ]
    }
}
