/// A campaign's e-mail sent once to a user of the workspace to look at: where it went, its
/// subject (which starts with `[Test] `), the content's locale, and the mail server's message
/// id. It is in the audit log, never in the send log or the campaign's counts.
public struct CampaignTestSend: Sendable, Equatable {
    public var to: String
    public var subject: String
    public var locale: String
    public var messageID: String
    /// The A/B/n version sent (`A` the campaign's own content); nil without a test.
    public var variant: String?

    public init(to: String, subject: String, locale: String, messageID: String, variant: String? = nil) {
        self.to = to
        self.subject = subject
        self.locale = locale
        self.messageID = messageID
        self.variant = variant
    }
}
