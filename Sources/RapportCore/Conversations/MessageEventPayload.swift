import Foundation

/// A message as events and agents' live updates carry it (the raw provider payload is kept in storage, not repeated).
public struct MessageEventPayload: EventPayload {
    public static let version = 1

    public struct File: Encodable, Sendable {
        public let caption: String?
        public let filename: String?
        public let mimeType: String?
        public let providerMediaID: String?
        public let size: Int?
        public let type: String
        public let url: String?
    }

    public let attachments: [File]
    public let author: MessageAuthor
    public let authorID: String?
    public let content: JSONValue?
    public let conversationID: String
    public let createdAt: Date
    public let deliveryStatus: DeliveryStatus?
    public let direction: MessageDirection
    public let failureReason: String?
    public let id: String
    public let inboxID: String
    public let kind: MessageKind
    public let object = "message"
    public let `private`: Bool
    public let providerMessageID: String?
    public let sentiment: Double?
    public let text: String?
    public let updatedAt: Date

    public init(_ message: Message) {
        attachments = message.attachments.map {
            File(
                caption: $0.caption, filename: $0.filename, mimeType: $0.mimeType, providerMediaID: $0.providerMediaID, size: $0.size,
                type: $0.type, url: $0.url)
        }
        author = message.author
        authorID = message.authorID
        content = message.content
        conversationID = message.conversationID
        createdAt = message.createdAt
        deliveryStatus = message.deliveryStatus
        direction = message.direction
        failureReason = message.failureReason
        id = message.id
        inboxID = message.inboxID
        kind = message.kind
        `private` = message.isPrivate
        providerMessageID = message.providerMessageID
        sentiment = message.sentiment
        text = message.text
        updatedAt = message.updatedAt
    }
}
