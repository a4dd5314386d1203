import Foundation
import RapportCore
import SQLKit

struct SQLProductModelRepository: ProductModelRepository {
    let handle: SQLConnectionHandle

    private static let described = "workspace_id, product_id, format, byte_count, sha256, uploaded_by, uploaded_at"

    func save(_ model: ProductModel, bytes: Data) async throws {
        try await handle.sql.raw("""
            INSERT INTO product_models (workspace_id, product_id, format, byte_count, sha256, uploaded_by, uploaded_at, bytes)
            VALUES (\(bind: model.workspaceID), \(bind: model.productID), \(bind: model.format.rawValue), \(bind: Int64(model.byteCount)),
              \(bind: model.sha256), \(bind: model.uploadedBy), \(bind: Timestamp.microseconds(model.uploadedAt)), \(bind: bytes))
            ON CONFLICT (product_id, format) DO UPDATE SET byte_count = excluded.byte_count, sha256 = excluded.sha256,
              uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at, bytes = excluded.bytes
            """).run()
    }

    func list(productID: String, workspaceID: String) async throws -> [ProductModel] {
        let rows = try await handle.sql.raw("""
            SELECT \(unsafeRaw: Self.described) FROM product_models
            WHERE product_id = \(bind: productID) AND workspace_id = \(bind: workspaceID) ORDER BY format
            """).all()
        return try rows.compactMap(Self.model)
    }

    func find(productID: String, format: ProductModelFormat, workspaceID: String) async throws -> ProductModel? {
        try await handle.sql.raw("""
            SELECT \(unsafeRaw: Self.described) FROM product_models
            WHERE product_id = \(bind: productID) AND format = \(bind: format.rawValue) AND workspace_id = \(bind: workspaceID)
            """).first().flatMap(Self.model)
    }

    func bytes(productID: String, format: ProductModelFormat, sha256: String, workspaceID: String) async throws -> Data? {
        try await handle.sql.raw("""
            SELECT bytes FROM product_models WHERE product_id = \(bind: productID) AND format = \(bind: format.rawValue)
              AND sha256 = \(bind: sha256) AND workspace_id = \(bind: workspaceID)
            """).first().map { try $0.decode(column: "bytes", as: Data.self) }
    }

    func delete(productID: String, format: ProductModelFormat, workspaceID: String) async throws -> Bool {
        let rows = try await handle.sql.raw("""
            DELETE FROM product_models WHERE product_id = \(bind: productID) AND format = \(bind: format.rawValue)
              AND workspace_id = \(bind: workspaceID) RETURNING product_id
            """).all()
        return !rows.isEmpty
    }

    /// A row as a file's description; nil for a format this version does not know.
    private static func model(_ row: any SQLRow) throws -> ProductModel? {
        guard let format = ProductModelFormat(rawValue: try row.string("format")) else { return nil }
        return ProductModel(
            workspaceID: try row.string("workspace_id"), productID: try row.string("product_id"), format: format,
            byteCount: Int(try row.int("byte_count")), sha256: try row.string("sha256"), uploadedBy: try row.string("uploaded_by"),
            uploadedAt: try row.date("uploaded_at"))
    }
}
