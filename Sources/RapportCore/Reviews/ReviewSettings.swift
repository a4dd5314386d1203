/// How a workspace moderates reviews: whether some approve themselves (a verified buyer's
/// review of at least `minimumRating` stars, with no flagged word and, when `holdLinks`, no
/// link, when `holdPhotos`, no photo), and the words that always hold a review for a person. Off by default: every review
/// waits for someone.
public struct ReviewSettings: Sendable, Equatable {
    public static let maximumFlaggedWords = 500
    public static let maximumFlaggedWordLength = 100

    public var autoApprove: Bool
    /// 1–5: reviews below it wait for a person.
    public var minimumRating: Int
    /// Only a verified buyer's review approves itself.
    public var verifiedOnly: Bool
    /// A review with a web address in it waits for a person (links are how review spam pays).
    public var holdLinks: Bool
    /// A review with photos waits for a person (a picture can hold what no word list catches).
    public var holdPhotos: Bool
    /// Words and phrases, matched whole, without regard to case or accents; a review with one
    /// waits for a person even when auto-approval is off (its hold reason names the word).
    public var flaggedWords: [String]

    public init(
        autoApprove: Bool = false, minimumRating: Int = 4, verifiedOnly: Bool = true, holdLinks: Bool = true, holdPhotos: Bool = true,
        flaggedWords: [String] = []
    ) {
        self.autoApprove = autoApprove
        self.minimumRating = minimumRating
        self.verifiedOnly = verifiedOnly
        self.holdLinks = holdLinks
        self.holdPhotos = holdPhotos
        self.flaggedWords = flaggedWords
    }

    public static let standard = ReviewSettings()
}
