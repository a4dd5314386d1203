import Foundation
import RapportCore

/// A product's reviews as the API shows them: the figures, where the public page is, the topics
/// the approved reviews mention, and a page of reviews.
struct ProductReviewsResponse: Encodable {
    struct Rating: Encodable {
        let reviewCount: Int
        /// The plain mean of approved reviews; null without any.
        let average: Double?
        /// Pulled towards the store's mean by the number of reviews: for sorting.
        let bayesianAverage: Double
    }

    /// What the approved reviews mention: in how many, and how many of those rated it 4–5 or 1–2.
    struct Topic: Encodable {
        let term: String
        let reviews: Int
        let positive: Int
        let negative: Int
    }

    let object = "product_reviews"
    let productId: String
    let publicUrl: String
    let rating: Rating
    let topics: [Topic]
    let data: [ReviewResponse]
    let hasMore: Bool
    let nextStartingAfter: String?

    init(_ found: ProductReviews, publicURL: String) {
        productId = found.product.id
        self.publicUrl = publicURL
        rating = Rating(reviewCount: found.rating.reviewCount, average: found.rating.average, bayesianAverage: found.bayesianAverage)
        topics = found.topics.map { Topic(term: $0.term, reviews: $0.reviews, positive: $0.positive, negative: $0.negative) }
        data = found.reviews.items.map(ReviewResponse.init)
        hasMore = found.reviews.hasMore
        nextStartingAfter = found.reviews.hasMore ? found.reviews.items.last?.id : nil
    }
}
