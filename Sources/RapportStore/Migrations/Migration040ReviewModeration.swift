extension Migration {
    /// Review moderation rules (issue 24): each workspace's auto-approval settings and flagged
    /// words, and why a review was held for a person.
    static let reviewModeration = Migration(version: 40, name: "review moderation") { _ in
        [
            """
            CREATE TABLE review_settings (
              workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id), auto_approve INTEGER NOT NULL, minimum_rating INTEGER NOT NULL,
              verified_only INTEGER NOT NULL, hold_links INTEGER NOT NULL, flagged_words TEXT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "ALTER TABLE reviews ADD COLUMN hold_reason TEXT",
        ]
    }
}
