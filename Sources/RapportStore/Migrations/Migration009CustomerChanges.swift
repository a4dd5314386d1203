extension Migration {
    /// Customers by last change, so RFM catches up with merges, unmerges and deletions (which
    /// move or hide orders without changing them) as it does with changed orders.
    static let customerChanges = Migration(version: 9, name: "customer_changes") { _ in
        ["CREATE INDEX customers_changed ON customers (workspace_id, updated_at)"]
    }
}
