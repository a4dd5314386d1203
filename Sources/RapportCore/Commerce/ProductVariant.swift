import Foundation

/// One buyable form of a product (size, colour) with its own SKU and price in minor units.
public struct ProductVariant: Sendable, Equatable, Codable {
    public var id: String
    public var productID: String
    public var sku: String?
    public var title: String
    public var price: Int64
    public var currency: String
    public var externalID: String?

    public init(
        id: String, productID: String, sku: String?, title: String, price: Int64, currency: String, externalID: String?
    ) {
        self.id = id
        self.productID = productID
        self.sku = sku
        self.title = title
        self.price = price
        self.currency = currency
        self.externalID = externalID
    }
}
