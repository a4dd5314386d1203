/// Something customers mention in a product's reviews ("battery life", "fit"): in how many
/// reviews, and how many of those rated the product well (4–5) or badly (1–2).
public struct MentionedTopic: Sendable, Equatable {
    public var term: String
    public var reviews: Int
    public var positive: Int
    public var negative: Int

    public init(term: String, reviews: Int, positive: Int, negative: Int) {
        self.term = term
        self.reviews = reviews
        self.positive = positive
        self.negative = negative
    }
}
