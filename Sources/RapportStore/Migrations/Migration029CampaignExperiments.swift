extension Migration {
    /// The variant an A/B/n test chose for the rest of the audience, and when. Who waits for
    /// it is the send log's `waiting` status; test messages keep their variant in `variant`
    /// (migration 26).
    static let campaignExperiments = Migration(version: 29, name: "campaign_experiments") { _ in
        [
            "ALTER TABLE campaigns ADD COLUMN winner_variant TEXT",
            "ALTER TABLE campaigns ADD COLUMN winner_chosen_at BIGINT",
        ]
    }
}
