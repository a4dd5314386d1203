import Foundation

/// A message as a channel adapter read it from a provider's payload, before Rapport knows
/// the customer or the conversation.
public struct InboundMessage: Sendable, Equatable {
    public var providerMessageID: String
    /// The sender's address on the channel (a WhatsApp id, a PSID, a phone number, an email).
    public var from: String
    public var fromName: String?
    public var kind: MessageKind
    public var text: String?
    public var attachments: [Attachment]
    public var content: JSONValue?
    public var raw: String?
    public var occurredAt: Date?
    /// Email: the subject, and the Message-IDs this one answers (`In-Reply-To`, `References`).
    public var subject: String?
    public var references: [String]

    public init(
        providerMessageID: String, from: String, fromName: String? = nil, kind: MessageKind, text: String? = nil,
        attachments: [Attachment] = [], content: JSONValue? = nil, raw: String? = nil, occurredAt: Date? = nil,
        subject: String? = nil, references: [String] = []
    ) {
        self.providerMessageID = providerMessageID
        self.from = from
        self.fromName = fromName
        self.kind = kind
        self.text = text
        self.attachments = attachments
        self.content = content
        self.raw = raw
        self.occurredAt = occurredAt
        self.subject = subject
        self.references = references
    }
}
