extension Migration {
    /// Tasks (ADR 0013; the sales issue grows them): what a person is to do, by when, by whom or
    /// which team, about which customer. `origin` is unique, so a journey's task step run twice
    /// makes one task (tasks made by hand have none). Read by workspace and status, by owner,
    /// and by customer; a customer's tasks go with them.
    static let tasks = Migration(version: 35, name: "tasks") { _ in
        [
            """
            CREATE TABLE tasks (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), kind TEXT NOT NULL, title TEXT NOT NULL,
              status TEXT NOT NULL, due_at BIGINT, owner_id TEXT, team_id TEXT,
              customer_id TEXT REFERENCES customers (id) ON DELETE CASCADE, journey_id TEXT, origin TEXT,
              created_by TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, completed_at BIGINT, completed_by TEXT)
            """,
            "CREATE UNIQUE INDEX tasks_origin ON tasks (origin)",
            "CREATE INDEX tasks_status ON tasks (workspace_id, status, id)",
            "CREATE INDEX tasks_owner ON tasks (owner_id, status)",
            "CREATE INDEX tasks_customer ON tasks (customer_id)",
        ]
    }
}
