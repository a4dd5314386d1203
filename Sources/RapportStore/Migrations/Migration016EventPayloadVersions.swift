extension Migration {
    /// Each event records the version of its payload's shape (`EventPayload.version`). Every
    /// event written before this carried version 1 of its type's payload, so the default says so.
    static let eventPayloadVersions = Migration(version: 16, name: "event_payload_versions") { _ in
        ["ALTER TABLE domain_events ADD COLUMN payload_version INTEGER NOT NULL DEFAULT 1"]
    }
}
