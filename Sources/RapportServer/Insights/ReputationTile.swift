/// Seller reputation on the insights page: the approved reviews of the range, their rating and
/// shares, how much and how fast the seller answered, and the store's rating over all time.
struct ReputationTile: TemplateView {
    let reviews: Int
    let rating: String
    let positive: String
    let negative: String
    let replied: String
    let replyTime: String
    let allTimeRating: String
    let allTimeReviews: Int
}
