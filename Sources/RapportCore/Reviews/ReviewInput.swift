/// A review as the API receives it (`POST /api/v1/products/{id}/reviews`).
public struct ReviewInput: Sendable, Equatable {
    public var customerID: String
    public var orderID: String?
    public var rating: Int
    public var title: String
    public var body: String
    public var locale: String?
    public var photos: [ReviewPhoto]

    public init(
        customerID: String, orderID: String? = nil, rating: Int, title: String, body: String, locale: String? = nil, photos: [ReviewPhoto] = []
    ) {
        self.customerID = customerID
        self.orderID = orderID
        self.rating = rating
        self.title = title
        self.body = body
        self.locale = locale
        self.photos = photos
    }
}
