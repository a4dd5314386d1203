/// Where a campaign message's links lead: the unsubscribe page (which takes RFC 8058's
/// one-click POST) and the preference centre, each for a signed token. The server's route
/// table says where those are; Core only asks.
public protocol CampaignLinks: Sendable {
    /// The unsubscribe link of one send: the customer's signed token, and the send it came in,
    /// so the campaign counts the unsubscribe.
    func unsubscribeURL(token: String, sendID: String) -> String
    func preferencesURL(token: String) -> String
    /// The click redirect for a link of one send: its signature, and the target it leads to.
    func clickURL(sendID: String, signature: String, target: String) -> String
    /// The open pixel of one send.
    func openURL(sendID: String, signature: String) -> String
    /// An SMS's short click redirect to the campaign's link `index` (`CampaignTextLinks`).
    func textClickURL(sendID: String, index: Int, signature: String) -> String
    /// The page of a review request (`{{review_link}}`): its link, and the link's signature.
    func reviewURL(_ link: ReviewRequestLink, signature: String) -> String
    /// Why these links would not work in a customer's mail client (RFC 8058 wants an https URI
    /// the receiver can reach), or nil when they will.
    var problem: String? { get }
}
