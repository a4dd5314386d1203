/// The review moderation page (`reviews`): the reviews in one status, newest first, each with
/// its product, author, rating, words, whether the author is a verified buyer and how it
/// sounds; approve, reject with a reason and the seller's public reply for those who moderate.
struct ReviewsPageView: TemplateView {
    struct Tab: TemplateView {
        let status: String
        let label: String
        let current: Bool
    }

    /// The moderation rules as a form, for those who moderate.
    struct Rules: TemplateView {
        let autoApprove: Bool
        let ratingOptions: [ChoiceView]
        let verifiedOnly: Bool
        let holdLinks: Bool
        let holdPhotos: Bool
        /// One word or phrase a line.
        let flaggedWordsText: String
        var rulesError: String?
        var rulesSaved = false
    }

    struct Row: TemplateView {
        let id: String
        let productID: String
        let productTitle: String
        let customerID: String
        let author: String
        let rating: Int
        let stars: String
        /// Named apart from the page's `title`, which a nil here would fall through to.
        let headline: String?
        let body: String?
        let photos: [ReviewPhotoView]
        let hasPhotos: Bool
        let verified: Bool
        let locale: String?
        let mood: MoodView?
        let status: String
        let rejectionReason: String?
        let holdReason: String?
        let reply: String?
        let source: String
        let when: String
        let whenISO: String
        let mayApprove: Bool
        let mayReject: Bool
        let mayReply: Bool
        /// The tab the page shows, sent back with each action.
        let statusTab: String
        /// A refused action's message, shown under this review.
        var error: String?
        var replyDraft: String?
        var reasonDraft: String?
    }

    let status: String
    /// The page's cursor, sent back with each action so a refusal or a redirect returns to it.
    let after: String?
    let tabs: [Tab]
    var rows: [Row]
    let empty: Bool
    let next: String?
    let mayModerate: Bool
    /// A refused action's message when its review is no longer on the page.
    var pageError: String?
    var rules: Rules?
}
