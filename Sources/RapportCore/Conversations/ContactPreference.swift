import Foundation

/// A person's choice reported by a messaging app itself, such as WhatsApp's `user_preferences`:
/// who (`from`, as the channel names them), whether they stopped or resumed marketing
/// messages, and when.
public struct ContactPreference: Sendable, Equatable {
    public var from: String
    public var marketing: Bool
    public var detail: String?
    public var occurredAt: Date?

    public init(from: String, marketing: Bool, detail: String? = nil, occurredAt: Date? = nil) {
        self.from = from
        self.marketing = marketing
        self.detail = detail
        self.occurredAt = occurredAt
    }
}
