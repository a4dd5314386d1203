/// What a campaign's link comes to after a check.
public enum CampaignLinkStatus: String, Sendable, Equatable, CaseIterable {
    /// Fetched, and a page answered (at once or after redirects); nothing else found.
    case ok
    /// It works or may work, with something to look at (`http:`, an IP address, a text that
    /// names another site).
    case warning
    /// It cannot work for recipients: wrong as written, or fetched and no page answered.
    case broken
    /// Not fetched (an e-mail address or phone number, or past what one check fetches), and
    /// nothing found.
    case unchecked
}
