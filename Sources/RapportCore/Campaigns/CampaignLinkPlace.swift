/// One place a link stands in a campaign's content: the locale's version, the A/B test's
/// variant that writes it, the part, and the text a body link is shown as.
public struct CampaignLinkPlace: Sendable, Equatable {
    public var locale: String
    /// The variant whose own content has the link; nil: the campaign's content, which variant
    /// `A` gets and every variant that does not change this part.
    public var variant: String?
    public var part: CampaignLinkPart
    /// A template parameter's position, from 1; nil for the other parts.
    public var parameter: Int?
    /// The words a body link is shown as; nil elsewhere (there the address shows itself).
    public var text: String?

    public init(locale: String, variant: String?, part: CampaignLinkPart, parameter: Int? = nil, text: String? = nil) {
        self.locale = locale
        self.variant = variant
        self.part = part
        self.parameter = parameter
        self.text = text
    }
}
