import Foundation

/// What a sending provider reports a person or their mailbox did with a message: the address
/// does not exist (a hard bounce), the person reported it as spam, or unsubscribed through
/// the provider's own link.
public struct DeliveryFeedback: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case hardBounce = "hard_bounce"
        case complaint
        case unsubscribe
    }

    public var kind: Kind
    public var address: String
    public var occurredAt: Date?

    public init(kind: Kind, address: String, occurredAt: Date? = nil) {
        self.kind = kind
        self.address = address
        self.occurredAt = occurredAt
    }
}
