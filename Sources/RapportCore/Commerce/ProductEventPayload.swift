import Foundation

/// A catalog product with its variants as events carry it, prices in minor units.
public struct ProductEventPayload: EventPayload {
    public static let version = 1

    public struct Variant: Encodable, Sendable {
        public let currency: String
        public let externalID: String?
        public let id: String
        public let price: Int64
        public let sku: String?
        public let title: String
    }

    public let active: Bool
    public let categories: [String]
    public let createdAt: Date
    public let description: String?
    public let externalID: String
    public let id: String
    public let imageURL: String?
    public let object = "product"
    public let source: String
    public let title: String
    public let updatedAt: Date
    public let variants: [Variant]

    public init(product: Product) {
        active = product.active
        categories = product.categories
        createdAt = product.createdAt
        description = product.description
        externalID = product.externalID
        id = product.id
        imageURL = product.imageURL
        source = product.source
        title = product.title
        updatedAt = product.updatedAt
        variants = product.variants.map {
            Variant(currency: $0.currency, externalID: $0.externalID, id: $0.id, price: $0.price, sku: $0.sku, title: $0.title)
        }
    }
}
