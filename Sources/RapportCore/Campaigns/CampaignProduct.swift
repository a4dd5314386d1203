/// A product as a campaign e-mail shows it in `{{recommendations}}`: its title, image and
/// price (its first variant's) from the catalog, and the ids a card's link pattern may name.
public struct CampaignProduct: Sendable, Equatable {
    public var productID: String
    /// The product's id in its shop.
    public var externalID: String
    /// The first variant's SKU.
    public var sku: String?
    public var title: String
    public var imageURL: String?
    /// The first variant's price in minor units of `currency`; nil for a product without variants.
    public var price: Int64?
    public var currency: String?

    public init(productID: String, externalID: String, sku: String?, title: String, imageURL: String?, price: Int64?, currency: String?) {
        self.productID = productID
        self.externalID = externalID
        self.sku = sku
        self.title = title
        self.imageURL = imageURL
        self.price = price
        self.currency = currency
    }

    /// The price as people read it (`12.00 EUR`), when there is one.
    public var priceText: String? {
        guard let price, let currency else { return nil }
        return MoneyText.format(price, currency)
    }
}
