extension Migration {
    /// Sales, lead scoring's rules (ADR 0015): the workspace's rules (a signal, what it matches,
    /// points, a half-life), its hot score, and the facts the rules recorded per lead — points and
    /// half-life copied, one per (lead, origin) — read by lead to score it.
    static let leadScoring = Migration(version: 55, name: "lead scoring rules and facts") { _ in
        [
            """
            CREATE TABLE lead_scoring_rules (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), name TEXT NOT NULL, signal TEXT NOT NULL, pattern TEXT,
              points INTEGER NOT NULL, half_life_days INTEGER, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX lead_scoring_rules_workspace ON lead_scoring_rules (workspace_id, id)",
            """
            CREATE TABLE lead_scoring_settings (
              workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id), hot_score INTEGER, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE lead_score_facts (
              lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE, workspace_id TEXT NOT NULL, rule_id TEXT NOT NULL,
              points INTEGER NOT NULL, half_life_days INTEGER, occurred_at BIGINT NOT NULL, origin TEXT NOT NULL, PRIMARY KEY (lead_id, origin))
            """,
        ]
    }
}
