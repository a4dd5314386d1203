import Foundation

/// A consent change as a caller states it, checked by `ConsentService`.
public struct ConsentInput: Sendable, Equatable {
    public var purpose: String
    public var channel: String
    public var status: String
    public var source: String?
    public var expiresAt: Date?
    /// When the person acted, if not now (a shop reporting a change it saw earlier).
    public var occurredAt: Date?
    /// The exact words the person agreed to; stored once and referenced by hash.
    public var text: String?
    /// Where the person acted, as the system relaying the change saw it (the shop's sign-up
    /// form): kept as evidence that system asserts. Rapport's own witness wins when it has one.
    public var ipAddress: String?
    public var userAgent: String?

    public init(
        purpose: String, channel: String, status: String, source: String? = nil, expiresAt: Date? = nil, occurredAt: Date? = nil,
        text: String? = nil, ipAddress: String? = nil, userAgent: String? = nil
    ) {
        self.purpose = purpose
        self.channel = channel
        self.status = status
        self.source = source
        self.expiresAt = expiresAt
        self.occurredAt = occurredAt
        self.text = text
        self.ipAddress = ipAddress
        self.userAgent = userAgent
    }
}
