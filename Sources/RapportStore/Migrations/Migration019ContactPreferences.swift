extension Migration {
    /// What a customer chose on the preference centre besides consent: how often they want to
    /// hear from the store, and a pause. One row per customer; it goes with the customer.
    static let contactPreferences = Migration(version: 19, name: "contact_preferences") { _ in
        [
            """
            CREATE TABLE contact_preferences (
              customer_id TEXT PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE, workspace_id TEXT NOT NULL,
              frequency TEXT NOT NULL, paused_until BIGINT, updated_at BIGINT NOT NULL)
            """,
        ]
    }
}
