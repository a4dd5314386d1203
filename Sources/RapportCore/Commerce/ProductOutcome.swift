/// What a product write did: the product as it stands and whether it was new.
public struct ProductOutcome: Sendable {
    public var product: Product
    public var created: Bool

    public init(product: Product, created: Bool) {
        self.product = product
        self.created = created
    }
}
