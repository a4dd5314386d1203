import Foundation

/// What a sending provider reports a person or their mailbox did with a message: the address
/// does not exist (a hard bounce), the mailbox could not take it this time (a soft bounce: full,
/// switched off, the server down), the message arrived (delivered), the person reported it as
/// spam, or unsubscribed through the provider's own link. `messageID` names the message when the
/// provider says which it was, which is how a campaign's send is found.
public struct DeliveryFeedback: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case hardBounce = "hard_bounce"
        case softBounce = "soft_bounce"
        case complaint
        case unsubscribe
        case delivered
    }

    public var kind: Kind
    public var address: String
    public var occurredAt: Date?
    /// The RFC 5322 `Message-ID` of the message reported on, as Rapport stores it: without its
    /// angle brackets, in lower case; nil when the provider did not say.
    public var messageID: String?
    /// The provider's own id of what it reported on: of the message (SES's `mail.messageId`,
    /// else the SNS `MessageId` of the notification; Postmark's `MessageID`; SendGrid's
    /// `sg_message_id`) or, where the provider names messages only by their `Message-ID`, of the
    /// event (Mailgun's `id`). A redelivered report carries the same one, so a soft bounce
    /// without a `messageID` still counts once. Trimmed; nil when the provider gave none or it
    /// is longer than 256 characters.
    public var providerID: String?

    /// `messageID` is taken as the provider gives it (`<id@host>` or bare) and normalised.
    public init(kind: Kind, address: String, occurredAt: Date? = nil, messageID: String? = nil, providerID: String? = nil) {
        self.kind = kind
        self.address = address
        self.occurredAt = occurredAt
        self.messageID = messageID.flatMap(Self.normalizedMessageID)
        self.providerID = providerID.flatMap { (id: String) -> String? in
            let trimmed = id.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty || trimmed.count > 256 ? nil : trimmed
        }
    }

    /// A `Message-ID` as the send log keeps it: the text inside the first `<…>` (or the whole
    /// value without brackets), trimmed and lower-cased; nil when nothing is left or it is
    /// longer than a header line may be (998 characters).
    public static func normalizedMessageID(_ value: String) -> String? {
        var text = Substring(value)
        if let open = text.firstIndex(of: "<") {
            let rest = text[text.index(after: open)...]
            text = rest.firstIndex(of: ">").map { rest[..<$0] } ?? rest
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || trimmed.count > 998 ? nil : trimmed.lowercased()
    }
}
