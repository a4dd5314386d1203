/// A campaign's e-mail as one customer would get it, or as a sample recipient with no name
/// would (every fallback showing): rendered by the sender's own code, with links that do
/// nothing (`CampaignPreviewSigner`) and without tracking.
public struct CampaignPreview: Sendable, Equatable {
    /// The message: subject, preheader, HTML and plain text, and the address it would go to.
    public var email: CampaignEmail
    /// The content's locale the recipient gets (theirs, its language, or the default).
    public var locale: String
    /// The customer it was rendered for; nil for the sample.
    public var customerID: String?
    /// The version of an A/B/n test shown (`A` the campaign's own content); nil without a test.
    public var variant: String?

    public init(email: CampaignEmail, locale: String, customerID: String?, variant: String? = nil) {
        self.email = email
        self.locale = locale
        self.customerID = customerID
        self.variant = variant
    }

    /// The address the sender would use; nil when the customer has none (the sender would
    /// skip them as `no_address`).
    public var to: String? {
        email.address.isEmpty ? nil : email.address
    }
}
