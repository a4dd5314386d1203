/// One thing a user did with an item (bought, viewed, put in the cart), with when and how
/// much it says about their taste.
public struct ItemInteraction: Sendable, Equatable {
    public var user: String
    public var item: String
    /// Seconds since 1970 (or any increasing clock).
    public var time: Double
    public var weight: Double

    public init(user: String, item: String, time: Double, weight: Double = 1) {
        self.user = user
        self.item = item
        self.time = time
        self.weight = weight
    }
}
