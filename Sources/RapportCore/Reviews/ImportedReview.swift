import Foundation

/// A review from the shop's old review platform, as a CSV row gives it: whose (an e-mail
/// address), of which product, what it says, when it was written, the seller's reply, and
/// whether the platform showed it.
public struct ImportedReview: Sendable, Equatable {
    /// How a row names its product: Rapport's id, a variant's SKU, or the shop's own product id.
    public enum Product: Sendable, Hashable {
        case id(String)
        case sku(String)
        case external(String)
    }

    public var email: String
    /// The name it was published under (`Review.authorName`).
    public var authorName: String?
    public var product: Product
    public var rating: Int
    public var title: String
    public var body: String
    public var locale: String?
    public var photos: [ReviewPhoto]
    public var writtenAt: Date?
    public var reply: String?
    public var repliedAt: Date?
    /// Shown on the old platform: approved here; hidden: rejected here; nil: the workspace's
    /// moderation rules decide.
    public var published: Bool?

    public init(
        email: String, authorName: String? = nil, product: Product, rating: Int, title: String = "", body: String = "", locale: String? = nil,
        photos: [ReviewPhoto] = [], writtenAt: Date? = nil, reply: String? = nil, repliedAt: Date? = nil, published: Bool? = nil
    ) {
        self.email = email
        self.authorName = authorName
        self.product = product
        self.rating = rating
        self.title = title
        self.body = body
        self.locale = locale
        self.photos = photos
        self.writtenAt = writtenAt
        self.reply = reply
        self.repliedAt = repliedAt
        self.published = published
    }
}
