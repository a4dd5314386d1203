import Foundation
import RapportCore

/// A product's approved reviews as the shop's snippet reads them (no ids of customers or orders),
/// with what the snippet also shows: the public page, the product's 3D files and the JSON-LD
/// it adds to the shop's page.
struct PublicReviewsResponse: Encodable {
    struct Model: Encodable {
        let format: String
        let contentType: String
        let url: String
        let byteCount: Int
    }

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
    /// The shop's own id for the product: what its tracked events (`Product Viewed`, `AR Viewed`)
    /// name as `product_id`.
    let productRef: String
    let image: String?
    /// The public review page.
    let url: String
    let reviewCount: Int
    let average: Double?
    let bayesianAverage: Double
    let reviews: [Item]
    let models: [Model]
    let jsonLd: JSONValue

    init(_ found: ProductReviews, url: String, modelURL: (ProductModel) -> String) {
        product = found.product.title
        productRef = found.product.externalID
        image = found.product.imageURL
        self.url = url
        reviewCount = found.rating.reviewCount
        average = found.rating.average
        bayesianAverage = found.bayesianAverage
        reviews = found.reviews.items.map { review in
            Item(
                author: found.authors[review.customerID] ?? ReviewService.anonymousAuthor, rating: review.rating, title: review.title, body: review.body,
                locale: review.locale, photos: review.photos.map(ReviewPhotoResponse.init), verified: review.verified, reply: review.reply, createdAt: Timestamp.iso8601(review.createdAt))
        }
        models = found.models.map { Model(format: $0.format.rawValue, contentType: $0.format.contentType, url: modelURL($0), byteCount: $0.byteCount) }
        jsonLd = ProductReviewsJSONLD.document(found, url: url)
    }
}
