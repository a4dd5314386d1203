import Foundation

/// A customer's review of a product: a rating from 1 to 5, a title and text, whether they are
/// a verified buyer (the order it names was delivered to them with the product in it), its
/// sentiment, where moderation left it, and the seller's public reply.
public struct Review: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var productID: String
    public var customerID: String
    public var orderID: String?
    public var rating: Int
    public var title: String
    public var body: String
    /// BCP 47 (`en`, `de-AT`); nil when not given.
    public var locale: String?
    /// The customer's photos, in their order (user-generated content: a review with photos
    /// waits for a person when the workspace's rules say so).
    public var photos: [ReviewPhoto]
    public var status: ReviewStatus
    public var rejectionReason: String?
    /// Why the workspace's rules held it for a person (a flagged word, a link, too few stars,
    /// not a verified buyer); nil when nothing held it, or it was approved by the rule.
    public var holdReason: String?
    public var verified: Bool
    /// From −1 to 1, by Rapport's analyser (`RapportLearning.SentimentAnalyzer`).
    public var sentiment: Double
    public var reply: String?
    public var repliedAt: Date?
    /// Who approved or rejected it, and when.
    public var moderatedBy: String?
    public var moderatedAt: Date?
    /// How it arrived: `api`, `review_request` (the customer's page), `csv` (an import from the
    /// shop's old platform).
    public var source: String
    /// The name the review was published under on the platform it was imported from, shown
    /// (as a first name and an initial) when the customer's profile has no name.
    public var authorName: String?
    /// Who sent it in (`api_key:key_…`, `user:usr_…`): a review written by staff in a customer's
    /// name can always be traced.
    public var submittedBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, productID: String, customerID: String, orderID: String?, rating: Int, title: String, body: String,
        locale: String?, photos: [ReviewPhoto] = [], status: ReviewStatus = .pending, rejectionReason: String? = nil, holdReason: String? = nil, verified: Bool, sentiment: Double,
        reply: String? = nil, repliedAt: Date? = nil, moderatedBy: String? = nil, moderatedAt: Date? = nil, source: String,
        submittedBy: String, authorName: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.productID = productID
        self.customerID = customerID
        self.orderID = orderID
        self.rating = rating
        self.title = title
        self.body = body
        self.locale = locale
        self.photos = photos
        self.status = status
        self.rejectionReason = rejectionReason
        self.holdReason = holdReason
        self.verified = verified
        self.sentiment = sentiment
        self.reply = reply
        self.repliedAt = repliedAt
        self.moderatedBy = moderatedBy
        self.moderatedAt = moderatedAt
        self.source = source
        self.authorName = authorName
        self.submittedBy = submittedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
