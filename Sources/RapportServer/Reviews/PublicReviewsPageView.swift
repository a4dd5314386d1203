import Foundation
import RapportCore

/// A product's public review page: the figures, each approved review with its author as a
/// first name and an initial, the seller's replies, and the JSON-LD for search engines.
struct PublicReviewsPageView: TemplateView {
    struct Item: Encodable {
        let author: String
        let rating: Int
        let stars: String
        /// Nil when empty (Mustache takes an empty text as present).
        let title: String?
        let body: String?
        let date: String
        let verified: Bool
        let reply: String?
        let photos: [ReviewPhotoView]
        let hasPhotos: Bool
    }

    let productTitle: String
    let countText: String
    let average: String?
    let bayesianAverage: String
    let reviews: [Item]
    /// Escaped for a `<script>` element (`ProductReviewsJSONLD.scriptText`).
    let jsonLd: String

    init(_ found: ProductReviews, url: String) throws {
        productTitle = found.product.title
        countText = found.rating.reviewCount == 1 ? "1 review" : "\(found.rating.reviewCount) reviews"
        average = found.rating.average.map { String(format: "%.1f", $0) }
        bayesianAverage = String(format: "%.2f", found.bayesianAverage)
        reviews = found.reviews.items.map { review in
            Item(
                author: found.authors[review.customerID] ?? ReviewService.anonymousAuthor, rating: review.rating,
                stars: WebFormat.stars(review.rating),
                title: review.title.isEmpty ? nil : review.title, body: review.body.isEmpty ? nil : review.body, date: WebFormat.day(review.createdAt), verified: review.verified, reply: review.reply,
                photos: review.photos.map(ReviewPhotoView.init), hasPhotos: !review.photos.isEmpty)
        }
        jsonLd = try ProductReviewsJSONLD.scriptText(found, url: url)
    }
}
