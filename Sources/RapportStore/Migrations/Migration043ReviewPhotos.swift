extension Migration {
    /// Review photos and imports (issue 24): each review's photos as JSON (addresses and what is
    /// known of them), the moderation rule that holds a review with photos for a person, and
    /// the name an imported review was published under.
    static let reviewPhotos = Migration(version: 43, name: "review photos and imports") { _ in
        [
            "ALTER TABLE reviews ADD COLUMN photos TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE reviews ADD COLUMN author_name TEXT",
            "ALTER TABLE review_settings ADD COLUMN hold_photos INTEGER NOT NULL DEFAULT 1",
        ]
    }
}
