/// A link in a campaign e-mail's body as one recipient gets it, untracked
/// (`CampaignEmailTemplate.bodyLinks(values:)`): where it leads, how the campaign writes it,
/// and the text it is shown as.
public struct CampaignEmailLink: Sendable, Equatable {
    /// The target with the recipient's values filled in (percent-encoded), as the click
    /// redirect would lead there.
    public var target: String
    /// The target as written, variables as their placeholders (`https://shop.test/?ref={{customer.id}}`).
    public var written: String
    /// The link's text as the recipient reads it, without markup.
    public var text: String
    /// Whether the target has variables, so that it differs from one recipient to another.
    public var personalised: Bool

    public init(target: String, written: String, text: String, personalised: Bool) {
        self.target = target
        self.written = written
        self.text = text
        self.personalised = personalised
    }
}
