extension Migration {
    /// Segments and lists, their maintained members, the moments time-dependent memberships
    /// are next re-evaluated, and each segment's size by day. Behaviour conditions count a
    /// workspace's events by name over a window.
    static let segments = Migration(version: 22, name: "segments") { _ in
        [
            """
            CREATE TABLE segments (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), name TEXT NOT NULL, description TEXT,
              kind TEXT NOT NULL, definition TEXT, member_count BIGINT NOT NULL DEFAULT 0, created_by TEXT NOT NULL,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, built_at BIGINT)
            """,
            "CREATE UNIQUE INDEX segments_name ON segments (workspace_id, name)",
            """
            CREATE TABLE segment_members (
              segment_id TEXT NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              workspace_id TEXT NOT NULL, entered_at BIGINT NOT NULL, PRIMARY KEY (segment_id, customer_id))
            """,
            "CREATE INDEX segment_members_customer ON segment_members (customer_id)",
            """
            CREATE TABLE segment_flips (
              segment_id TEXT NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              workspace_id TEXT NOT NULL, due_at BIGINT NOT NULL, PRIMARY KEY (segment_id, customer_id))
            """,
            "CREATE INDEX segment_flips_due ON segment_flips (due_at)",
            """
            CREATE TABLE segment_sizes (
              segment_id TEXT NOT NULL REFERENCES segments (id) ON DELETE CASCADE, day BIGINT NOT NULL, members BIGINT NOT NULL,
              PRIMARY KEY (segment_id, day))
            """,
        ]
    }
}
