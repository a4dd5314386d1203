import Foundation

/// Products' 3D files (at most one per format), scoped to one workspace.
public protocol ProductModelRepository: Sendable {
    /// Stores the file, replacing the product's earlier one of the same format.
    func save(_ model: ProductModel, bytes: Data) async throws
    /// The product's files, without their bytes, by format.
    func list(productID: String, workspaceID: String) async throws -> [ProductModel]
    /// One file's description, without its bytes.
    func find(productID: String, format: ProductModelFormat, workspaceID: String) async throws -> ProductModel?
    /// The bytes of the file with this digest, if it is still the product's.
    func bytes(productID: String, format: ProductModelFormat, sha256: String, workspaceID: String) async throws -> Data?
    /// Removes one file; false when there was none.
    func delete(productID: String, format: ProductModelFormat, workspaceID: String) async throws -> Bool
}
