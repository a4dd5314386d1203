import RapportLearning

/// A product's reviews as the team and the shop read them: the figures (count, mean, Bayesian
/// average against the store) and a page of reviews; for the team, the topics they mention; for
/// the shop, also its 3D files.
public struct ProductReviews: Sendable {
    public var product: Product
    public var rating: ProductRating
    public var bayesianAverage: Double
    public var reviews: Page<Review>
    /// For the public page: each review's author as shown (a first name and an initial, or
    /// "A customer"), by customer id.
    public var authors: [String: String]
    /// For the public page and the snippet: the product's 3D files.
    public var models: [ProductModel] = []
    /// For the team: what the product's approved reviews mention, most mentioned first.
    public var topics: [MentionedTopic] = []

    public init(product: Product, rating: ProductRating, bayesianAverage: Double, reviews: Page<Review>, authors: [String: String] = [:]) {
        self.product = product
        self.rating = rating
        self.bayesianAverage = bayesianAverage
        self.reviews = reviews
        self.authors = authors
    }
}
