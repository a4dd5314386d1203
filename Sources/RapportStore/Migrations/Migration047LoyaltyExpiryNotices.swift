extension Migration {
    /// Customers told their points expire soon (issue 24, `loyalty.points_expiring`): the latest
    /// notice of each, so the next is told only when due. Goes with its customer.
    static let loyaltyExpiryNotices = Migration(version: 47, name: "loyalty expiry notices") { _ in
        [
            """
            CREATE TABLE loyalty_expiry_notices (
              workspace_id TEXT NOT NULL REFERENCES workspaces (id), customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              points BIGINT NOT NULL, expires_by BIGINT NOT NULL, within_days INTEGER, notified_at BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, customer_id))
            """
        ]
    }
}
