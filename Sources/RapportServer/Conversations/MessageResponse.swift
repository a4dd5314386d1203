import Foundation
import RapportCore

/// A message as the API shows it (the raw provider payload is kept in storage, not repeated).
struct MessageResponse: Encodable {
    struct File: Encodable {
        let caption: String?
        let filename: String?
        let mimeType: String?
        let providerMediaID: String?
        let size: Int?
        let type: String
        let url: String?
    }

    let attachments: [File]
    let author: MessageAuthor
    let authorID: String?
    let content: JSONValue?
    let conversationID: String
    let createdAt: Date
    let deliveryStatus: DeliveryStatus?
    let direction: MessageDirection
    let failureReason: String?
    let id: String
    let inboxID: String
    let kind: MessageKind
    let object = "message"
    let `private`: Bool
    let providerMessageID: String?
    let sentiment: Double?
    let text: String?
    let updatedAt: Date

    init(_ message: Message) {
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
