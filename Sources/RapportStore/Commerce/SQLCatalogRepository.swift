import Foundation
import RapportCore
import SQLKit

struct SQLCatalogRepository: CatalogRepository {
    let handle: SQLConnectionHandle

    private static let productColumns = [
        "id", "workspace_id", "source", "external_id", "title", "description", "categories", "image_url", "active",
        "created_at", "updated_at",
    ]
    private static let variantColumns = [
        "id", "workspace_id", "product_id", "position", "sku", "title", "price", "currency", "external_id",
    ]

    func insert(_ products: [Product]) async throws {
        try await handle.dialect.bulkInsert(
            table: "products", columns: Self.productColumns, rows: products.map(Self.productCells), on: handle)
        try await handle.dialect.bulkInsert(
            table: "product_variants", columns: Self.variantColumns, rows: products.flatMap(Self.variantCells), on: handle)
    }

    func update(_ product: Product) async throws {
        try await handle.sql.raw("""
            UPDATE products SET title = \(bind: product.title), description = \(bind: product.description),
              categories = \(bind: StoredJSON.tags(product.categories)), image_url = \(bind: product.imageURL),
              active = \(bind: product.active ? 1 : 0), updated_at = \(bind: Timestamp.microseconds(product.updatedAt))
            WHERE id = \(bind: product.id) AND workspace_id = \(bind: product.workspaceID)
            """).run()
        try await handle.sql.raw("DELETE FROM product_variants WHERE product_id = \(bind: product.id)").run()
        try await handle.dialect.bulkInsert(
            table: "product_variants", columns: Self.variantColumns, rows: Self.variantCells(product), on: handle)
    }

    func find(id: String, workspaceID: String) async throws -> Product? {
        let rows = try await handle.sql.raw("""
            SELECT * FROM products WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)
            """).all()
        return try await assemble(rows).first
    }

    func find(source: String, externalIDs: [String], workspaceID: String) async throws -> [Product] {
        guard !externalIDs.isEmpty else { return [] }
        var found: [Product] = []
        for chunk in externalIDs.slices(of: 500) {
            let rows = try await handle.sql.raw("""
                SELECT * FROM products WHERE workspace_id = \(bind: workspaceID) AND source = \(bind: source)
                  AND external_id IN (\(binds: chunk))
                """).all()
            found += try await assemble(rows)
        }
        return found
    }

    func find(externalID: String, workspaceID: String) async throws -> Product? {
        let rows = try await handle.sql.raw("""
            SELECT * FROM products WHERE workspace_id = \(bind: workspaceID) AND external_id = \(bind: externalID)
            ORDER BY active DESC, updated_at DESC, id LIMIT 1
            """).all()
        return try await assemble(rows).first
    }

    func list(query: String?, workspaceID: String, page: PageRequest) async throws -> Page<Product> {
        var sql: SQLQueryString = "SELECT p.* FROM products p WHERE p.workspace_id = \(bind: workspaceID)"
        if let query {
            let pattern = "%" + query.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            sql += """
                 AND (LOWER(p.title) LIKE \(bind: pattern) OR EXISTS (SELECT 1 FROM product_variants v
                   WHERE v.product_id = p.id AND LOWER(v.sku) LIKE \(bind: pattern)))
                """
        }
        if let cursor = page.startingAfter { sql += " AND p.id < \(bind: cursor)" }
        sql += " ORDER BY p.id DESC LIMIT \(literal: page.limit + 1)"
        let rows = try await handle.sql.raw(sql).all()
        return Page(items: try await assemble(Array(rows.prefix(page.limit))), hasMore: rows.count > page.limit)
    }

    func variants(matching references: VariantReferences, workspaceID: String) async throws -> [VariantMatch] {
        var conditions: [SQLQueryString] = []
        if !references.variantIDs.isEmpty { conditions.append("v.id IN (\(binds: Array(references.variantIDs)))") }
        if !references.skus.isEmpty { conditions.append("v.sku IN (\(binds: Array(references.skus)))") }
        for (source, ids) in references.variantExternalIDs {
            conditions.append("(p.source = \(bind: source) AND v.external_id IN (\(binds: Array(ids))))")
        }
        for (source, ids) in references.productExternalIDs {
            conditions.append("(p.source = \(bind: source) AND p.external_id IN (\(binds: Array(ids))))")
        }
        guard !conditions.isEmpty else { return [] }
        var sql: SQLQueryString = """
            SELECT v.*, p.title AS product_title, p.source AS product_source, p.external_id AS product_external_id
            FROM product_variants v JOIN products p ON p.id = v.product_id
            WHERE v.workspace_id = \(bind: workspaceID) AND (
            """
        for (index, condition) in conditions.enumerated() {
            if index > 0 { sql += " OR " }
            sql += condition
        }
        sql += ") ORDER BY v.product_id, v.position"
        return try await handle.sql.raw(sql).all().map { row in
            VariantMatch(
                variant: try Self.variant(row), productTitle: try row.string("product_title"),
                source: try row.string("product_source"), productExternalID: try row.string("product_external_id"))
        }
    }

    private func assemble(_ rows: [any SQLRow]) async throws -> [Product] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.string("id") }
        let variantRows = try await handle.sql.raw("""
            SELECT * FROM product_variants WHERE product_id IN (\(binds: ids)) ORDER BY product_id, position
            """).all()
        var variants: [String: [ProductVariant]] = [:]
        for row in variantRows {
            let variant = try Self.variant(row)
            variants[variant.productID, default: []].append(variant)
        }
        return try rows.map { row in
            let id = try row.string("id")
            return Product(
                id: id, workspaceID: try row.string("workspace_id"), source: try row.string("source"),
                externalID: try row.string("external_id"), title: try row.string("title"),
                description: try row.optionalString("description"),
                categories: try StoredJSON.decodeList([String].self, from: try row.string("categories")),
                imageURL: try row.optionalString("image_url"), active: try row.int("active") != 0,
                variants: variants[id] ?? [], createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
        }
    }

    private static func variant(_ row: any SQLRow) throws -> ProductVariant {
        ProductVariant(
            id: try row.string("id"), productID: try row.string("product_id"), sku: try row.optionalString("sku"),
            title: try row.string("title"), price: try row.int("price"), currency: try row.string("currency"),
            externalID: try row.optionalString("external_id"))
    }

    private static func productCells(_ product: Product) -> [SQLCell] {
        [
            .text(product.id), .text(product.workspaceID), .text(product.source), .text(product.externalID),
            .text(product.title), .text(product.description), .text(StoredJSON.tags(product.categories)),
            .text(product.imageURL), .integer(product.active ? 1 : 0), .integer(Timestamp.microseconds(product.createdAt)),
            .integer(Timestamp.microseconds(product.updatedAt)),
        ]
    }

    private static func variantCells(_ product: Product) -> [[SQLCell]] {
        product.variants.enumerated().map { position, variant in
            [
                .text(variant.id), .text(product.workspaceID), .text(product.id), .integer(Int64(position)),
                .text(variant.sku), .text(variant.title), .integer(variant.price), .text(variant.currency),
                .text(variant.externalID),
            ]
        }
    }
}
