import Foundation
import RapportCore

/// A review as the API shows it.
struct ReviewResponse: Encodable {
    let object = "review"
    let id: String
    let productId: String
    let customerId: String
    let orderId: String?
    let rating: Int
    let title: String
    let body: String
    let locale: String?
    let photos: [ReviewPhotoResponse]
    let status: String
    let rejectionReason: String?
    let holdReason: String?
    let verified: Bool
    let sentiment: Double
    let reply: String?
    let repliedAt: String?
    let moderatedBy: String?
    let moderatedAt: String?
    let source: String
    let submittedBy: String
    let createdAt: String
    let updatedAt: String

    init(_ review: Review) {
        id = review.id
        productId = review.productID
        customerId = review.customerID
        orderId = review.orderID
        rating = review.rating
        title = review.title
        body = review.body
        locale = review.locale
        photos = review.photos.map(ReviewPhotoResponse.init)
        status = review.status.rawValue
        rejectionReason = review.rejectionReason
        holdReason = review.holdReason
        verified = review.verified
        sentiment = (review.sentiment * 1000).rounded() / 1000
        reply = review.reply
        repliedAt = review.repliedAt.map(Timestamp.iso8601)
        moderatedBy = review.moderatedBy
        moderatedAt = review.moderatedAt.map(Timestamp.iso8601)
        source = review.source
        submittedBy = review.submittedBy
        createdAt = Timestamp.iso8601(review.createdAt)
        updatedAt = Timestamp.iso8601(review.updatedAt)
    }
}
