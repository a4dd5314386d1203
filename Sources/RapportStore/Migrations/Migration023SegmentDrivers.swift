extension Migration {
    /// A workspace's tracked events by name and time: a segment that asks for an event in a
    /// window is counted from the customers who had one (`SegmentSQL.driver`) instead of
    /// testing every customer.
    static let segmentDrivers = Migration(version: 23, name: "segment_drivers") { _ in
        ["CREATE INDEX tracked_events_name ON tracked_events (workspace_id, name, occurred_at)"]
    }
}
