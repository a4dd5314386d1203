extension Migration {
    /// What the upkeep per event reads cheaply: a workspace's segments revision (a new one with every
    /// segment created, changed or deleted, so that a process may keep the segments it read
    /// until it moves) and the flips of a customer (a deletion or erasure finds them by index).
    static let segmentUpkeep = Migration(version: 24, name: "segment_upkeep") { _ in
        [
            "ALTER TABLE workspaces ADD COLUMN segments_revision BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX segment_flips_customer ON segment_flips (customer_id)",
        ]
    }
}
