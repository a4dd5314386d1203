/// What a request asks a campaign to be; nil fields stay as they are on an update.
public struct CampaignDraft: Sendable {
    public var name: String?
    public var channel: CampaignChannel?
    public var inboxID: String?
    /// The definition as sent, replacing the whole definition; checked by `CampaignDefinitionParser`.
    public var definition: JSONValue?
    /// The short form, when the request gave it instead of a definition.
    public var shorthand: CampaignShorthand?

    public init(
        name: String? = nil, channel: CampaignChannel? = nil, inboxID: String? = nil, definition: JSONValue? = nil,
        shorthand: CampaignShorthand? = nil
    ) {
        self.name = name
        self.channel = channel
        self.inboxID = inboxID
        self.definition = definition
        self.shorthand = shorthand
    }
}
