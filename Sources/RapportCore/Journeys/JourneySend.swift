/// A message step: the campaign content of one channel per locale (the customer's locale
/// picks, else `defaultLocale`), through an inbox, under the campaign rules (consent,
/// suppression, frequency cap, quiet hours). A transactional message (`isMarketing` false: a
/// review request is marketing, an order's delivery notice is not) needs no marketing consent
/// and is not held for an open conversation.
public struct JourneySend: Sendable, Equatable {
    public var channel: CampaignChannel
    public var inboxID: String
    public var content: [String: CampaignContent]
    public var defaultLocale: String
    public var isMarketing: Bool

    public init(channel: CampaignChannel, inboxID: String, content: [String: CampaignContent], defaultLocale: String, isMarketing: Bool = true) {
        self.channel = channel
        self.inboxID = inboxID
        self.content = content
        self.defaultLocale = defaultLocale
        self.isMarketing = isMarketing
    }
}
