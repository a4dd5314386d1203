/// The short form `POST /api/v1/campaigns` also takes instead of a definition: one segment and
/// one locale's content, as the first interface names them (`segment_id`, `subject`,
/// `body`, …). The content becomes the `en` locale's.
public struct CampaignShorthand: Sendable, Equatable {
    /// The locale the short form's content is filed under.
    public static let locale = "en"

    public var segmentID: String?
    public var subject: String?
    public var preheader: String?
    public var body: String?
    public var text: String?

    public init(segmentID: String? = nil, subject: String? = nil, preheader: String? = nil, body: String? = nil, text: String? = nil) {
        self.segmentID = segmentID
        self.subject = subject
        self.preheader = preheader
        self.body = body
        self.text = text
    }

    /// Whether none of its fields was given.
    public var isEmpty: Bool { self == CampaignShorthand() }
}
