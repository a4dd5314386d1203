/// One product's review as the request page's form sends it.
public struct ReviewRequestAnswer: Sendable, Equatable {
    public var productID: String
    public var rating: Int
    public var title: String
    public var body: String

    public init(productID: String, rating: Int, title: String, body: String) {
        self.productID = productID
        self.rating = rating
        self.title = title
        self.body = body
    }
}
