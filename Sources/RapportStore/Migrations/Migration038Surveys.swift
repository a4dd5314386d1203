extension Migration {
    /// Surveys (issue 24): each workspace's settings, and every survey sent with its answer,
    /// read by the conversation it was asked in (a text reply finds the survey it answers
    /// through the sender's conversations), by kind and time (the figures), and by customer
    /// (the quiet period, their export; they go with the customer).
    /// `origin` keeps one survey per delivered order and per resolution of a conversation.
    static let surveys = Migration(version: 38, name: "surveys") { _ in
        [
            """
            CREATE TABLE survey_settings (
              workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id), csat_after_conversations INTEGER NOT NULL,
              nps_after_delivery_days INTEGER, quiet_days INTEGER NOT NULL, follow_up_negative INTEGER NOT NULL,
              follow_up_team_id TEXT, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE surveys (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id),
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, kind TEXT NOT NULL, survey_trigger TEXT NOT NULL,
              channel TEXT NOT NULL, inbox_id TEXT NOT NULL, conversation_id TEXT NOT NULL, opened_conversation INTEGER NOT NULL,
              question_message_id TEXT, rated_conversation_id TEXT, order_id TEXT,
              handled_by TEXT, team_id TEXT, question TEXT NOT NULL, status TEXT NOT NULL, score INTEGER, comment TEXT,
              answered_via TEXT, answer_reference TEXT, follow_up_conversation_id TEXT, sent_by TEXT NOT NULL, origin TEXT,
              sent_at BIGINT NOT NULL, answered_at BIGINT)
            """,
            "CREATE INDEX surveys_follow_up ON surveys (follow_up_conversation_id)",
            "CREATE UNIQUE INDEX surveys_origin ON surveys (workspace_id, origin)",
            "CREATE INDEX surveys_customer ON surveys (customer_id, sent_at)",
            "CREATE INDEX surveys_conversation ON surveys (conversation_id, sent_at)",
            "CREATE INDEX surveys_kind ON surveys (workspace_id, kind, sent_at)",
            "CREATE INDEX surveys_workspace ON surveys (workspace_id, id)",
        ]
    }
}
