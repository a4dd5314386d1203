import Foundation

/// One message of a conversation, in either direction, or an agent's private note.
public struct Message: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var conversationID: String
    public var inboxID: String
    public var direction: MessageDirection
    public var kind: MessageKind
    public var author: MessageAuthor
    public var authorID: String?
    public var text: String?
    public var attachments: [Attachment]
    /// Structured content: a location, a reaction, a template and its parameters, a call.
    public var content: JSONValue?
    public var isPrivate: Bool
    /// The provider's id (WhatsApp `wamid`, Twilio `SM…`, an email `Message-ID`): one
    /// message per id and inbox, so a repeated delivery is stored once.
    public var providerMessageID: String?
    public var deliveryStatus: DeliveryStatus?
    public var failureReason: String?
    /// The provider's payload as received, for messages Rapport does not fully read.
    public var raw: String?
    /// How a customer's message sounds, from −1 (angry) to 1 (delighted); nil for others.
    public var sentiment: Double?
    /// What an outgoing message was sent for when it needed consent; nil for service.
    public var purpose: ConsentPurpose?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, workspaceID: String, conversationID: String, inboxID: String, direction: MessageDirection,
        kind: MessageKind, author: MessageAuthor, authorID: String?, text: String?, attachments: [Attachment] = [],
        content: JSONValue? = nil, isPrivate: Bool = false, providerMessageID: String? = nil,
        deliveryStatus: DeliveryStatus? = nil, failureReason: String? = nil, raw: String? = nil, sentiment: Double? = nil,
        purpose: ConsentPurpose? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.conversationID = conversationID
        self.inboxID = inboxID
        self.direction = direction
        self.kind = kind
        self.author = author
        self.authorID = authorID
        self.text = text
        self.attachments = attachments
        self.content = content
        self.isPrivate = isPrivate
        self.providerMessageID = providerMessageID
        self.deliveryStatus = deliveryStatus
        self.failureReason = failureReason
        self.raw = raw
        self.sentiment = sentiment
        self.purpose = purpose
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
