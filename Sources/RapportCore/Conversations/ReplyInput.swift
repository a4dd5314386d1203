/// An agent's (or the bot's) message in a conversation: text (with `{{variables}}`), or a
/// canned response by id or short code, or a WhatsApp template; `isPrivate` makes it a note.
public struct ReplyInput: Sendable, Equatable {
    public var text: String?
    public var isPrivate: Bool
    public var cannedResponseID: String?
    public var template: TemplateMessage?
    /// The order `{{order.…}}` variables speak of; the customer's latest when nil.
    public var orderID: String?
    public var authorID: String?
    public var author: MessageAuthor
    public var attachments: [Attachment]
    /// What the message is for when it needs consent (`marketing`, `surveys`, …); nil for a
    /// service message (an answer, an order update). The consent gate decides with it.
    public var purpose: ConsentPurpose?
    /// Structured content beside the text (a survey's card); a template's own wins.
    public var content: JSONValue?

    public init(
        text: String? = nil, isPrivate: Bool = false, cannedResponseID: String? = nil, template: TemplateMessage? = nil,
        orderID: String? = nil, authorID: String? = nil, author: MessageAuthor = .agent, attachments: [Attachment] = [],
        purpose: ConsentPurpose? = nil, content: JSONValue? = nil
    ) {
        self.text = text
        self.isPrivate = isPrivate
        self.cannedResponseID = cannedResponseID
        self.template = template
        self.orderID = orderID
        self.authorID = authorID
        self.author = author
        self.attachments = attachments
        self.purpose = purpose
        self.content = content
    }
}
