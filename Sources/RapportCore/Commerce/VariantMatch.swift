/// A catalog variant found for an order line, with what it is known by.
public struct VariantMatch: Sendable, Equatable {
    public var variant: ProductVariant
    public var productTitle: String
    public var source: String
    public var productExternalID: String

    public init(variant: ProductVariant, productTitle: String, source: String, productExternalID: String) {
        self.variant = variant
        self.productTitle = productTitle
        self.source = source
        self.productExternalID = productExternalID
    }
}
