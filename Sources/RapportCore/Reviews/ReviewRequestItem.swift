/// A product of a review request's order, as its page shows it: the catalog's title and
/// image, and the customer's review of it when they wrote one (then it is not asked again).
public struct ReviewRequestItem: Sendable, Equatable {
    public var productID: String
    public var title: String
    public var imageURL: String?
    public var review: Review?

    public init(productID: String, title: String, imageURL: String?, review: Review?) {
        self.productID = productID
        self.title = title
        self.imageURL = imageURL
        self.review = review
    }
}
