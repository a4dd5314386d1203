import Foundation
import RapportCore

/// A catalog product with its variants, prices in minor units.
struct ProductResponse: Encodable {
    struct Variant: Encodable {
        let currency: String
        let externalID: String?
        let id: String
        let price: Int64
        let sku: String?
        let title: String
    }

    let active: Bool
    let categories: [String]
    let createdAt: Date
    let description: String?
    let externalID: String
    let id: String
    let imageURL: String?
    let object = "product"
    let source: String
    let title: String
    let updatedAt: Date
    let variants: [Variant]

    init(product: Product) {
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
