extension Migration {
    /// Sales, the calendar step (ADR 0015): meetings (UTC times with the organiser's time zone,
    /// a recurrence rule and when its last occurrence ends — null: never —, a status and a
    /// sequence raised by every change), their attendees
    /// (users, and people by address: a customer's rows go with them), and the team's calendar
    /// feeds (the secret kept only as its hash). A meeting about a customer outlives their
    /// erasure without them, as a deal does (its attendees' calendars still hold it).
    static let calendar = Migration(version: 51, name: "meetings and calendar feeds") { _ in
        [
            """
            CREATE TABLE meetings (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), uid TEXT NOT NULL, title TEXT NOT NULL,
              starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL, time_zone TEXT NOT NULL, location TEXT, description TEXT,
              owner_id TEXT NOT NULL, recurrence TEXT, recurs_until BIGINT, status TEXT NOT NULL, sequence INTEGER NOT NULL,
              deal_id TEXT REFERENCES deals (id) ON DELETE SET NULL, customer_id TEXT REFERENCES customers (id) ON DELETE SET NULL,
              created_by TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX meetings_workspace ON meetings (workspace_id, id)",
            "CREATE INDEX meetings_owner ON meetings (owner_id, ends_at)",
            "CREATE INDEX meetings_customer ON meetings (customer_id)",
            """
            CREATE TABLE meeting_attendees (
              meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE, position INTEGER NOT NULL, workspace_id TEXT NOT NULL,
              email TEXT NOT NULL, name TEXT, user_id TEXT, customer_id TEXT REFERENCES customers (id) ON DELETE CASCADE,
              PRIMARY KEY (meeting_id, position))
            """,
            "CREATE INDEX meeting_attendees_user ON meeting_attendees (user_id)",
            "CREATE INDEX meeting_attendees_customer ON meeting_attendees (customer_id)",
            "CREATE INDEX meeting_attendees_email ON meeting_attendees (workspace_id, email)",
            """
            CREATE TABLE calendar_feeds (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), user_id TEXT NOT NULL, secret_hash TEXT NOT NULL,
              created_by TEXT NOT NULL, created_at BIGINT NOT NULL, revoked_at BIGINT)
            """,
            "CREATE INDEX calendar_feeds_user ON calendar_feeds (workspace_id, user_id)",
        ]
    }
}
