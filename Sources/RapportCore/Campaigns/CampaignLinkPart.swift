/// Where in a campaign's content a link stands.
public enum CampaignLinkPart: String, Sendable, Equatable, CaseIterable {
    /// An e-mail's Markdown body: its links as rendered (`[text](https://…)`).
    case body
    /// An e-mail's own plain-text part, when it has one besides the body.
    case text
    /// An SMS's text.
    case sms
    /// A body parameter of a WhatsApp message's template.
    case templateParameter = "template_parameter"
}
