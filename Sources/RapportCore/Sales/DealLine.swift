/// A product on a deal: the catalogue's product (and variant), how many, at what price each in
/// minor units of the deal's currency.
public struct DealLine: Sendable, Equatable {
    public var productID: String?
    public var variantID: String?
    public var name: String
    public var quantity: Int64
    public var unitPrice: Int64

    public init(productID: String? = nil, variantID: String? = nil, name: String, quantity: Int64, unitPrice: Int64) {
        self.productID = productID
        self.variantID = variantID
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
    }

    public var amount: Int64 { quantity * unitPrice }
}
