extension Migration {
    /// Sales, first step (ADR 0015): pipelines and their ordered stages, deals with their lines
    /// and stage moves, and each stage's kept totals per currency. Cards are read by stage and
    /// position (the board), deals by workspace and id (lists), by owner, and by customer. A
    /// deal outlives its customer's erasure with the person taken out (`customer_id` null), as
    /// orders do; its lines and moves go with it.
    static let sales = Migration(version: 50, name: "sales pipelines and deals") { _ in
        [
            """
            CREATE TABLE pipelines (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), name TEXT NOT NULL, currency TEXT,
              position INTEGER NOT NULL, created_by TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX pipelines_workspace ON pipelines (workspace_id, position)",
            "CREATE UNIQUE INDEX pipelines_name ON pipelines (workspace_id, lower(name))",
            """
            CREATE TABLE pipeline_stages (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, pipeline_id TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
              name TEXT NOT NULL, position INTEGER NOT NULL, probability INTEGER NOT NULL, kind TEXT NOT NULL, stuck_after_days INTEGER)
            """,
            "CREATE INDEX pipeline_stages_pipeline ON pipeline_stages (pipeline_id, position)",
            """
            CREATE TABLE deals (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), pipeline_id TEXT NOT NULL REFERENCES pipelines (id),
              stage_id TEXT NOT NULL REFERENCES pipeline_stages (id), title TEXT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL,
              expected_close_on TEXT, owner_id TEXT, team_id TEXT, customer_id TEXT REFERENCES customers (id) ON DELETE SET NULL,
              next_step TEXT, status TEXT NOT NULL, close_reason TEXT, position DOUBLE PRECISION NOT NULL, stage_entered_at BIGINT NOT NULL,
              closed_at BIGINT, created_by TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX deals_board ON deals (stage_id, position, id)",
            "CREATE INDEX deals_workspace ON deals (workspace_id, id)",
            "CREATE INDEX deals_owner ON deals (owner_id, status)",
            "CREATE INDEX deals_customer ON deals (customer_id)",
            """
            CREATE TABLE deal_lines (
              deal_id TEXT NOT NULL REFERENCES deals (id) ON DELETE CASCADE, line INTEGER NOT NULL, workspace_id TEXT NOT NULL,
              product_id TEXT, variant_id TEXT, name TEXT NOT NULL, quantity BIGINT NOT NULL, unit_price BIGINT NOT NULL,
              PRIMARY KEY (deal_id, line))
            """,
            """
            CREATE TABLE deal_stage_moves (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, deal_id TEXT NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
              pipeline_id TEXT NOT NULL, from_stage_id TEXT, to_stage_id TEXT NOT NULL, moved_at BIGINT NOT NULL, moved_by TEXT NOT NULL)
            """,
            "CREATE INDEX deal_stage_moves_deal ON deal_stage_moves (deal_id, moved_at)",
            "CREATE INDEX deal_stage_moves_pipeline ON deal_stage_moves (pipeline_id, moved_at)",
            """
            CREATE TABLE pipeline_stage_totals (
              stage_id TEXT NOT NULL REFERENCES pipeline_stages (id) ON DELETE CASCADE, currency TEXT NOT NULL, workspace_id TEXT NOT NULL,
              pipeline_id TEXT NOT NULL, deals BIGINT NOT NULL, amount BIGINT NOT NULL, PRIMARY KEY (stage_id, currency))
            """,
            "CREATE INDEX pipeline_stage_totals_pipeline ON pipeline_stage_totals (pipeline_id)",
        ]
    }
}
