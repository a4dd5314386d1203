/// A variant as a caller describes it; the price is in minor units of `currency`.
public struct ProductVariantInput: Sendable, Equatable {
    public var externalID: String?
    public var sku: String?
    public var title: String?
    public var price: Int64
    public var currency: String

    public init(externalID: String? = nil, sku: String? = nil, title: String? = nil, price: Int64, currency: String) {
        self.externalID = externalID
        self.sku = sku
        self.title = title
        self.price = price
        self.currency = currency
    }
}
