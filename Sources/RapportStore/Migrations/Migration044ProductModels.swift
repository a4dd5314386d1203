extension Migration {
    /// Products' 3D files (issue 24): at most one per format per product, the bytes kept in the
    /// database beside their size and digest, so a backup, a replica and every node of a
    /// PostgreSQL deployment hold them without a shared disk. Products are also found by the
    /// shop's own id alone (the snippet on a product page knows only that).
    static let productModels = Migration(version: 44, name: "product 3D files") { dialect in
        [
            """
            CREATE TABLE product_models (
              workspace_id TEXT NOT NULL REFERENCES workspaces (id), product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
              format TEXT NOT NULL, byte_count BIGINT NOT NULL, sha256 TEXT NOT NULL, uploaded_by TEXT NOT NULL, uploaded_at BIGINT NOT NULL,
              bytes \(dialect.kind == .postgresql ? "BYTEA" : "BLOB") NOT NULL,
              PRIMARY KEY (product_id, format))
            """,
            "CREATE INDEX products_reference ON products (workspace_id, external_id)",
        ]
    }
}
