/// One recipient's SMS or WhatsApp campaign message, ready to hand to the provider: the text
/// of an SMS, or the WhatsApp template with its parameters filled in.
public struct CampaignTextMessage: Sendable, Equatable {
    public var sendID: String
    public var campaignID: String
    public var workspaceID: String
    /// The phone number (E.164) or WhatsApp id it goes to.
    public var address: String
    /// An SMS's text; nil for a WhatsApp template.
    public var text: String?
    /// A WhatsApp message's template, its parameters filled in for the recipient.
    public var template: TemplateMessage?

    public init(sendID: String, campaignID: String, workspaceID: String, address: String, text: String? = nil, template: TemplateMessage? = nil) {
        self.sendID = sendID
        self.campaignID = campaignID
        self.workspaceID = workspaceID
        self.address = address
        self.text = text
        self.template = template
    }
}
