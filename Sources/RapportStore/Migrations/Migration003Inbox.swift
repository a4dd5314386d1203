extension Migration {
    /// The durable job queue and the event dispatcher's position; outgoing webhook
    /// subscriptions with their delivery attempts; users (agents), teams, inboxes,
    /// conversations, messages, canned responses, routing rules and SLA policies.
    static let inbox = Migration(version: 3, name: "inbox") { dialect in
        [
            """
            CREATE TABLE jobs (
              id TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, unique_key TEXT,
              attempts INTEGER NOT NULL, max_attempts INTEGER NOT NULL, run_at BIGINT NOT NULL, last_error TEXT,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX jobs_unique ON jobs (kind, unique_key)",
            "CREATE INDEX jobs_due ON jobs (run_at) WHERE status IN ('queued', 'running')",
            "CREATE INDEX jobs_status ON jobs (status, id)",
            "CREATE TABLE event_cursors (name TEXT PRIMARY KEY, position BIGINT NOT NULL)",
            """
            CREATE TABLE webhook_subscriptions (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), url TEXT NOT NULL,
              event_types TEXT NOT NULL, secret TEXT NOT NULL, active INTEGER NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE webhook_attempts (
              id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
              event_id TEXT NOT NULL, attempt INTEGER NOT NULL, status_code INTEGER, error TEXT,
              duration_ms INTEGER NOT NULL, attempted_at BIGINT NOT NULL)
            """,
            "CREATE INDEX webhook_attempts_subscription ON webhook_attempts (subscription_id, id)",
            """
            CREATE TABLE users (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), name TEXT NOT NULL,
              email TEXT NOT NULL, role TEXT NOT NULL, availability TEXT NOT NULL, max_conversations INTEGER NOT NULL,
              last_assigned_at BIGINT, created_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX users_email ON users (workspace_id, email)",
            "CREATE TABLE teams (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL)",
            """
            CREATE TABLE team_members (
              team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
              user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE, PRIMARY KEY (team_id, user_id))
            """,
            """
            CREATE TABLE sla_policies (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL, first_response_seconds INTEGER,
              next_response_seconds INTEGER, resolution_seconds INTEGER, business_hours TEXT, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE inboxes (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), channel TEXT NOT NULL,
              name TEXT NOT NULL, address TEXT, settings TEXT NOT NULL, team_id TEXT REFERENCES teams (id),
              sla_policy_id TEXT REFERENCES sla_policies (id), created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX inboxes_address ON inboxes (channel, address)",
            """
            CREATE TABLE conversations (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, inbox_id TEXT NOT NULL REFERENCES inboxes (id),
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, channel TEXT NOT NULL,
              contact TEXT NOT NULL, subject TEXT, status TEXT NOT NULL, snoozed_until BIGINT, assignee_id TEXT,
              team_id TEXT, priority TEXT NOT NULL, labels TEXT NOT NULL, last_message_at BIGINT NOT NULL,
              last_incoming_at BIGINT, waiting_since BIGINT, first_response_at BIGINT, first_response_due BIGINT,
              next_response_due BIGINT, resolution_due BIGINT, sla_breaches TEXT NOT NULL, created_at BIGINT NOT NULL,
              updated_at BIGINT NOT NULL, resolved_at BIGINT)
            """,
            "CREATE INDEX conversations_inbox_contact ON conversations (inbox_id, contact, status)",
            "CREATE INDEX conversations_customer ON conversations (customer_id, id)",
            "CREATE INDEX conversations_list ON conversations (workspace_id, status, last_message_at)",
            "CREATE INDEX conversations_assignee ON conversations (assignee_id, status)",
            """
            CREATE TABLE messages (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,
              conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE, inbox_id TEXT NOT NULL,
              direction TEXT NOT NULL, kind TEXT NOT NULL, author_type TEXT NOT NULL, author_id TEXT, text TEXT,
              attachments TEXT NOT NULL, is_private INTEGER NOT NULL, provider_message_id TEXT, delivery_status TEXT,
              failure_reason TEXT, raw TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX messages_provider ON messages (inbox_id, provider_message_id)",
            "CREATE INDEX messages_conversation ON messages (conversation_id, id)",
            """
            CREATE TABLE canned_responses (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, short_code TEXT NOT NULL, content TEXT NOT NULL,
              created_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX canned_responses_code ON canned_responses (workspace_id, short_code)",
            """
            CREATE TABLE routing_rules (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, position INTEGER NOT NULL, inbox_id TEXT,
              customer_tag TEXT, team_id TEXT, priority TEXT, created_at BIGINT NOT NULL)
            """,
        ]
    }
}
