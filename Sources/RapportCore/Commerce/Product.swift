import Foundation

/// A catalog product with its variants. `source` and `externalID` map it 1:1 to the shop's product.
public struct Product: Sendable, Equatable, Codable {
    public var id: String
    public var workspaceID: String
    public var source: String
    public var externalID: String
    public var title: String
    public var description: String?
    public var categories: [String]
    public var imageURL: String?
    public var active: Bool
    public var variants: [ProductVariant]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, source: String, externalID: String, title: String, description: String?,
        categories: [String], imageURL: String?, active: Bool, variants: [ProductVariant], createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.source = source
        self.externalID = externalID
        self.title = title
        self.description = description
        self.categories = categories
        self.imageURL = imageURL
        self.active = active
        self.variants = variants
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
