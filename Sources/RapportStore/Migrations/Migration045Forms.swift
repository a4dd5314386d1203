extension Migration {
    /// Forms and quizzes (issue 24): the definition as one JSON document, and each submission's
    /// checked answers with the profile they landed on and the address typed (its owner's, found by it
    /// for their export and erasure). A retried submission is stored once
    /// (its id is unique per form); a form's answers go with it, a customer's with them.
    static let forms = Migration(version: 45, name: "forms and quizzes") { _ in
        [
            """
            CREATE TABLE forms (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), name TEXT NOT NULL, kind TEXT NOT NULL,
              status TEXT NOT NULL, definition TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX forms_by_workspace ON forms (workspace_id, id)",
            """
            CREATE TABLE form_responses (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id),
              form_id TEXT NOT NULL REFERENCES forms (id) ON DELETE CASCADE, submission_id TEXT NOT NULL,
              customer_id TEXT REFERENCES customers (id) ON DELETE CASCADE, anonymous_id TEXT, email TEXT, answers TEXT NOT NULL, result_key TEXT,
              sign_up_id TEXT, origin TEXT, ip_address TEXT, user_agent TEXT, created_at BIGINT NOT NULL,
              UNIQUE (form_id, submission_id))
            """,
            "CREATE INDEX form_responses_by_form ON form_responses (form_id, id)",
            "CREATE INDEX form_responses_by_customer ON form_responses (customer_id)",
            "CREATE INDEX form_responses_by_email ON form_responses (workspace_id, email)",
        ]
    }
}
