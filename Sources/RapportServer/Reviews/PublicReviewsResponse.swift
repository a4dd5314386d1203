import Foundation
import RapportCore

/// A product's approved reviews as the shop's snippet reads them (no ids of customers or orders).
struct PublicReviewsResponse: Encodable {
    struct Item: Encodable {
        let author: String
        let rating: Int
        let title: String
        let body: String
        let locale: String?
        let photos: [ReviewPhotoResponse]
        let verified: Bool
        let reply: String?
        let createdAt: String
    }

    let object = "public_reviews"
    let product: String
    let reviewCount: Int
    let average: Double?
    let bayesianAverage: Double
    let reviews: [Item]

    init(_ found: ProductReviews) {
        product = found.product.title
        reviewCount = found.rating.reviewCount
        average = found.rating.average
        bayesianAverage = found.bayesianAverage
        reviews = found.reviews.items.map { review in
            Item(
                author: found.authors[review.customerID] ?? ReviewService.anonymousAuthor, rating: review.rating, title: review.title, body: review.body,
                locale: review.locale, photos: review.photos.map(ReviewPhotoResponse.init), verified: review.verified, reply: review.reply, createdAt: Timestamp.iso8601(review.createdAt))
        }
    }
}
