extension Migration {
    /// Journeys (ADR 0013): the draft and its status; frozen versions; one row per customer's
    /// way through a journey (its place, when it is next due, the event it waits for); and a
    /// row per step each ran, once per visit. The runner reads enrolments only by
    /// `(journey_id, due_at)`; an event reads its customer's enrolments in flight by
    /// `(customer_id)`; the partial unique index lets a customer be in a journey once at a time.
    static let journeys = Migration(version: 33, name: "journeys") { _ in
        [
            "ALTER TABLE workspaces ADD COLUMN journeys_revision BIGINT NOT NULL DEFAULT 0",
            """
            CREATE TABLE journeys (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), name TEXT NOT NULL, status TEXT NOT NULL,
              draft TEXT NOT NULL, live_version INTEGER, template_key TEXT, created_by TEXT NOT NULL,
              created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, published_at BIGINT)
            """,
            "CREATE INDEX journeys_status ON journeys (workspace_id, status)",
            """
            CREATE TABLE journey_versions (
              journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE, version INTEGER NOT NULL, workspace_id TEXT NOT NULL,
              definition TEXT NOT NULL, published_by TEXT NOT NULL, published_at BIGINT NOT NULL,
              PRIMARY KEY (journey_id, version))
            """,
            """
            CREATE TABLE journey_enrolments (
              id TEXT PRIMARY KEY, journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE, version INTEGER NOT NULL,
              workspace_id TEXT NOT NULL, customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, status TEXT NOT NULL,
              step_key TEXT, visit INTEGER NOT NULL DEFAULT 0, since BIGINT, held_since BIGINT, due_at BIGINT, wait_event TEXT,
              event_at BIGINT, event_name TEXT, entered_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, finished_at BIGINT,
              end_reason TEXT, converted_at BIGINT, source TEXT NOT NULL, claim_token TEXT)
            """,
            "CREATE INDEX journey_enrolments_due ON journey_enrolments (journey_id, due_at) WHERE due_at IS NOT NULL",
            "CREATE INDEX journey_enrolments_customer ON journey_enrolments (customer_id, entered_at)",
            // The report's counts, by journey.
            "CREATE INDEX journey_enrolments_journey ON journey_enrolments (journey_id, status)",
            "CREATE UNIQUE INDEX journey_enrolments_in_flight ON journey_enrolments (journey_id, customer_id) WHERE finished_at IS NULL",
            """
            CREATE TABLE journey_steps (
              enrolment_id TEXT NOT NULL REFERENCES journey_enrolments (id) ON DELETE CASCADE, step_key TEXT NOT NULL, visit INTEGER NOT NULL,
              journey_id TEXT NOT NULL, ran_at BIGINT NOT NULL, skipped TEXT,
              PRIMARY KEY (enrolment_id, step_key, visit))
            """,
            "CREATE INDEX journey_steps_journey ON journey_steps (journey_id, step_key)",
        ]
    }
}
