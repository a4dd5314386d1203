extension Migration {
    /// When the shop last changed each order, from its newest report: webhooks arrive out of
    /// order, and a late `orders/updated` must not move a cancelled order back to paid.
    static let orderSourceVersion = Migration(version: 11, name: "order_source_version") { _ in
        ["ALTER TABLE orders ADD COLUMN source_updated_at BIGINT"]
    }
}
