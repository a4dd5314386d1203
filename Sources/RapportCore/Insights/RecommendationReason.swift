/// Why a product is recommended.
public enum RecommendationReason: String, Sendable, Codable {
    /// From what this customer bought, viewed and put in the cart (Rapport's model).
    case forYou = "for_you"
    /// Popular in a category the customer looked at.
    case category
    /// Popular with everyone (a customer Rapport knows nothing about yet).
    case popular
    /// Often on the same order as the product.
    case boughtTogether = "bought_together"
    /// Bought and viewed by the same customers as the product (or in its category).
    case similar
}
