/// A recommended product, with why and how strongly.
public struct ProductRecommendation: Sendable, Equatable {
    public var productID: String
    public var score: Double
    public var reason: RecommendationReason

    public init(productID: String, score: Double, reason: RecommendationReason) {
        self.productID = productID
        self.score = score
        self.reason = reason
    }
}
