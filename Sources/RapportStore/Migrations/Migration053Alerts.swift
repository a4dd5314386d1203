extension Migration {
    /// Sales, the step of links, reminders and alerts (ADR 0015). A task names the deal, lead or
    /// company it is about (each let go, not deleted, when that record goes) and when to remind
    /// its owner; `next_alert_at` is the next moment the alert sweep looks at it (indexed only
    /// where set, so the sweep reads only tasks with something due). Alerts are one row per
    /// recipient and origin, so a sweep run twice, or on two servers at once, alerts once. A
    /// deal is stuck after its stage's days: `deals (stage_id, stage_entered_at)` finds them,
    /// and `stuck_swept_until` with `stuck_swept_id` (the last deal looked at) keeps each stage's
    /// sweep from reading the same deals again.
    static let alerts = Migration(version: 53, name: "task links and alerts") { _ in
        [
            "ALTER TABLE tasks ADD COLUMN deal_id TEXT REFERENCES deals (id) ON DELETE SET NULL",
            "ALTER TABLE tasks ADD COLUMN lead_id TEXT REFERENCES leads (id) ON DELETE SET NULL",
            "ALTER TABLE tasks ADD COLUMN company_id TEXT REFERENCES companies (id) ON DELETE SET NULL",
            "ALTER TABLE tasks ADD COLUMN remind_at BIGINT",
            "ALTER TABLE tasks ADD COLUMN next_alert_at BIGINT",
            "CREATE INDEX tasks_deal ON tasks (deal_id)",
            "CREATE INDEX tasks_lead ON tasks (lead_id)",
            "CREATE INDEX tasks_company ON tasks (company_id)",
            "CREATE INDEX tasks_next_alert ON tasks (next_alert_at) WHERE next_alert_at IS NOT NULL",
            // Open tasks already due: the sweep's first look.
            "UPDATE tasks SET next_alert_at = due_at WHERE status = 'open' AND due_at IS NOT NULL",
            "CREATE INDEX deals_stage_entered ON deals (stage_id, stage_entered_at)",
            "ALTER TABLE pipeline_stages ADD COLUMN stuck_swept_until BIGINT",
            "ALTER TABLE pipeline_stages ADD COLUMN stuck_swept_id TEXT",
            "CREATE INDEX meetings_starts ON meetings (status, starts_at)",
            """
            CREATE TABLE alerts (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), user_id TEXT NOT NULL, kind TEXT NOT NULL,
              subject_type TEXT NOT NULL, subject_id TEXT NOT NULL, customer_id TEXT REFERENCES customers (id) ON DELETE CASCADE,
              title TEXT NOT NULL, origin TEXT NOT NULL, due_at BIGINT, created_at BIGINT NOT NULL, read_at BIGINT)
            """,
            "CREATE UNIQUE INDEX alerts_origin ON alerts (user_id, origin)",
            "CREATE INDEX alerts_user ON alerts (workspace_id, user_id, id)",
            "CREATE INDEX alerts_customer ON alerts (customer_id)",
            "CREATE INDEX alerts_subject ON alerts (subject_id)",
            "CREATE INDEX alerts_unread ON alerts (workspace_id, user_id) WHERE read_at IS NULL",
        ]
    }
}
