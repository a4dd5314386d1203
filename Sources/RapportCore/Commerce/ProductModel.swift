import Foundation

/// A 3D file a product carries, as the catalog lists it (the bytes are read only to serve them):
/// its format, size, SHA-256 digest (the served file's `ETag`), and who put it there when.
public struct ProductModel: Sendable, Equatable {
    public var workspaceID: String
    public var productID: String
    public var format: ProductModelFormat
    public var byteCount: Int
    public var sha256: String
    public var uploadedBy: String
    public var uploadedAt: Date

    public init(
        workspaceID: String, productID: String, format: ProductModelFormat, byteCount: Int, sha256: String, uploadedBy: String, uploadedAt: Date
    ) {
        self.workspaceID = workspaceID
        self.productID = productID
        self.format = format
        self.byteCount = byteCount
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}
