/// A product's approved reviews in figures: how many, their plain mean (what the shop shows and
/// the JSON-LD carries), and a Bayesian average for sorting, which pulls a product with few
/// reviews towards the store's mean (`(m·C + Σ ratings) ÷ (C + n)`), so one 5-star review does
/// not outrank a hundred 4.8s. Both are shown.
public struct ProductRating: Sendable, Equatable {
    /// How many reviews the prior weighs as (C).
    public static let priorWeight = 10.0
    /// The prior when the store has no approved review yet: the middle of the scale.
    public static let neutralMean = 3.0

    public var reviewCount: Int
    public var ratingSum: Int

    public init(reviewCount: Int, ratingSum: Int) {
        self.reviewCount = reviewCount
        self.ratingSum = ratingSum
    }

    /// The plain mean, rounded to two decimals; nil without reviews.
    public var average: Double? {
        guard reviewCount > 0 else { return nil }
        return (Double(ratingSum) / Double(reviewCount) * 100).rounded() / 100
    }

    /// The Bayesian average against `store` (every approved review of the workspace), to two decimals.
    public func bayesianAverage(store: ProductRating) -> Double {
        let prior = store.reviewCount > 0 ? Double(store.ratingSum) / Double(store.reviewCount) : Self.neutralMean
        let value = (prior * Self.priorWeight + Double(ratingSum)) / (Self.priorWeight + Double(reviewCount))
        return (value * 100).rounded() / 100
    }
}
