extension Migration {
    /// Sales, the dashboard (ADR 0015): each pipeline's monthly target, the deals a pipeline
    /// closed in a window (`deals (pipeline_id, closed_at)`), and the tasks completed in one
    /// (`tasks (workspace_id, completed_at)`, only where completed).
    static let salesDashboard = Migration(version: 54, name: "sales dashboard") { _ in
        [
            "ALTER TABLE pipelines ADD COLUMN monthly_target BIGINT",
            "CREATE INDEX deals_closed ON deals (pipeline_id, closed_at)",
            "CREATE INDEX tasks_completed ON tasks (workspace_id, completed_at) WHERE completed_at IS NOT NULL",
        ]
    }
}
