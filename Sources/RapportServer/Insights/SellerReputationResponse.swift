import RapportCore

/// `seller_reputation` in `GET /api/v1/insights/metrics`: of the approved reviews written in the
/// range, the count, mean rating, shares positive (4–5) and negative (1–2), the share answered
/// by the shop and the time to its reply (seconds, median and 90th percentile); and the store's
/// rating over all time.
struct SellerReputationResponse: Encodable {
    let reviews: Int
    let averageRating: Double?
    let positiveShare: Double?
    let negativeShare: Double?
    let repliedShare: Double?
    let replyTimeMedian: Double?
    let replyTimeP90: Double?
    let allTimeReviews: Int
    let allTimeAverageRating: Double?

    init(_ reputation: SellerReputation) {
        reviews = reputation.reviews
        averageRating = reputation.averageRating
        positiveShare = reputation.positiveShare
        negativeShare = reputation.negativeShare
        repliedShare = reputation.repliedShare
        replyTimeMedian = reputation.replyTime.median
        replyTimeP90 = reputation.replyTime.p90
        allTimeReviews = reputation.allTime.reviewCount
        allTimeAverageRating = reputation.allTime.average
    }
}
