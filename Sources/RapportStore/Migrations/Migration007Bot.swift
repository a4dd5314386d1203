extension Migration {
    /// The support bot: the sentiment of each customer message (thousandths, −1000…1000, so
    /// both engines store it as an integer), the workspace's bot settings, its intent sets (a
    /// new version each time they are edited), help articles, and each conversation's bot
    /// session (what the bot is in the middle of, and how the conversation ended for it).
    static let bot = Migration(version: 7, name: "bot") { _ in
        [
            "ALTER TABLE messages ADD COLUMN sentiment INTEGER",
            """
            CREATE TABLE bot_settings (
              workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id), settings TEXT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE bot_intent_sets (
              workspace_id TEXT NOT NULL REFERENCES workspaces (id), version INTEGER NOT NULL, intents TEXT NOT NULL,
              created_by TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (workspace_id, version))
            """,
            """
            CREATE TABLE knowledge_articles (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), slug TEXT NOT NULL,
              title TEXT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX knowledge_articles_slug ON knowledge_articles (workspace_id, slug)",
            """
            CREATE TABLE bot_sessions (
              conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
              workspace_id TEXT NOT NULL, state TEXT NOT NULL, outcome TEXT NOT NULL, handoff_reason TEXT,
              turns INTEGER NOT NULL, started_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX bot_sessions_started ON bot_sessions (workspace_id, started_at)",
        ]
    }
}
