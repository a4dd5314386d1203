/// What a category multiplier reads of an order's line: what it cost (quantity times price,
/// less its discount, in minor units) and its product's categories.
public struct LoyaltyOrderLine: Sendable, Equatable {
    public var value: Int64
    public var categories: [String]

    public init(value: Int64, categories: [String]) {
        self.value = value
        self.categories = categories
    }
}
