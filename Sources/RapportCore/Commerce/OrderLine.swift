/// One line of an order: what was bought, how many, at what price. Amounts in minor units.
public struct OrderLine: Sendable, Equatable, Codable {
    public var id: String
    public var productID: String?
    public var variantID: String?
    public var sku: String?
    public var title: String
    public var quantity: Int
    public var unitPrice: Int64
    /// Discount on the whole line.
    public var discount: Int64

    public init(
        id: String, productID: String?, variantID: String?, sku: String?, title: String, quantity: Int,
        unitPrice: Int64, discount: Int64
    ) {
        self.id = id
        self.productID = productID
        self.variantID = variantID
        self.sku = sku
        self.title = title
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
    }

    /// Quantity times unit price, less the line's discount.
    public var total: Int64 { Int64(quantity) * unitPrice - discount }
}
