/// Which purchased lines `orders.bought` counts: a product, a variant, a SKU or a category.
public enum ProductMatch: Sendable, Equatable {
    case product(String)
    case variant(String)
    case sku(String)
    case category(String)

    static let keys = ["product_id", "variant_id", "sku", "category"]

    init?(key: String, value: String) {
        switch key {
        case "product_id": self = .product(value)
        case "variant_id": self = .variant(value)
        case "sku": self = .sku(value)
        case "category": self = .category(value)
        default: return nil
        }
    }

    var key: String {
        switch self {
        case .product: "product_id"
        case .variant: "variant_id"
        case .sku: "sku"
        case .category: "category"
        }
    }

    public var value: String {
        switch self {
        case .product(let value), .variant(let value), .sku(let value), .category(let value): value
        }
    }
}
