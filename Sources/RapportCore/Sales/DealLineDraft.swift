/// A line as someone gives it: a catalogue product (and variant), or just a name; the unit
/// price defaults to the variant's (the product's first variant's) when it is in the deal's
/// currency.
public struct DealLineDraft: Sendable, Equatable {
    public var productID: String?
    public var variantID: String?
    public var name: String?
    public var quantity: Int64
    public var unitPrice: Int64?

    public init(productID: String? = nil, variantID: String? = nil, name: String? = nil, quantity: Int64 = 1, unitPrice: Int64? = nil) {
        self.productID = productID
        self.variantID = variantID
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
    }
}
