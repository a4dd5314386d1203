extension Migration {
    /// The team dashboard reads conversations by when they were opened and resolved.
    static let dashboard = Migration(version: 5, name: "dashboard") { _ in
        [
            "CREATE INDEX conversations_created ON conversations (workspace_id, created_at)",
            "CREATE INDEX conversations_resolved ON conversations (workspace_id, resolved_at)",
        ]
    }
}
