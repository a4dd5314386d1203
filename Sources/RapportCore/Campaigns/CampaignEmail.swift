/// One recipient's campaign e-mail, rendered: what the transport composes into a message.
public struct CampaignEmail: Sendable, Equatable {
    /// The send log's row; the message's `Message-ID` is made from it.
    public var sendID: String
    public var campaignID: String
    public var workspaceID: String
    public var address: String
    public var name: String?
    public var subject: String
    /// The line inboxes show after the subject; hidden in the body.
    public var preheader: String?
    public var html: String
    public var text: String
    /// `List-Unsubscribe`'s https URL, which takes the one-click POST (RFC 8058).
    public var unsubscribeURL: String
    /// `List-Unsubscribe`'s mailto, when the inbox has an address to receive it.
    public var unsubscribeMailto: String?

    public init(
        sendID: String, campaignID: String, workspaceID: String, address: String, name: String?, subject: String, preheader: String?,
        html: String, text: String, unsubscribeURL: String, unsubscribeMailto: String?
    ) {
        self.sendID = sendID
        self.campaignID = campaignID
        self.workspaceID = workspaceID
        self.address = address
        self.name = name
        self.subject = subject
        self.preheader = preheader
        self.html = html
        self.text = text
        self.unsubscribeURL = unsubscribeURL
        self.unsubscribeMailto = unsubscribeMailto
    }
}
