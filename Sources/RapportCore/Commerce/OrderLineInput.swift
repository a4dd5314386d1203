/// A line as a caller describes it. The product is found by Rapport variant id, by the
/// shop's variant or product id (in the order's source), or by SKU; a line may also name no
/// catalog product at all (a gift card, a custom item).
public struct OrderLineInput: Sendable, Equatable {
    public var variantID: String?
    public var productExternalID: String?
    public var variantExternalID: String?
    public var sku: String?
    public var title: String?
    public var quantity: Int
    public var unitPrice: Int64
    public var discount: Int64

    public init(
        variantID: String? = nil, productExternalID: String? = nil, variantExternalID: String? = nil,
        sku: String? = nil, title: String? = nil, quantity: Int, unitPrice: Int64, discount: Int64 = 0
    ) {
        self.variantID = variantID
        self.productExternalID = productExternalID
        self.variantExternalID = variantExternalID
        self.sku = sku
        self.title = title
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
    }
}
