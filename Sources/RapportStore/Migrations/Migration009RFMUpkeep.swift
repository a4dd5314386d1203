extension Migration {
    /// RFM upkeep: customers by last change, so the ten-second rounds catch up with merges,
    /// unmerges and deletions (which move or hide orders without changing them) as with changed
    /// orders; each customer's first order and the months they ordered in (a bit per month) on
    /// their RFM row, for the cohort matrix; the RFM grid read from an index. The RFM state is
    /// dropped so the next round recomputes every row with the new columns.
    static let rfmUpkeep = Migration(version: 9, name: "rfm_upkeep") { _ in
        [
            "CREATE INDEX customers_changed ON customers (workspace_id, updated_at)",
            "ALTER TABLE customer_rfm ADD COLUMN first_order_at BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE customer_rfm ADD COLUMN active_months BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX customer_rfm_cohort ON customer_rfm (workspace_id, first_order_at, active_months)",
            "CREATE INDEX customer_rfm_grid ON customer_rfm (workspace_id, recency_score, frequency_score)",
            "DELETE FROM rfm_states",
        ]
    }
}
