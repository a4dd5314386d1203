import Foundation

/// A provider's report on an outgoing message: sent, delivered, read or failed (and why).
public struct DeliveryUpdate: Sendable, Equatable {
    public var providerMessageID: String
    public var status: DeliveryStatus
    public var occurredAt: Date?
    public var failureReason: String?

    public init(providerMessageID: String, status: DeliveryStatus, occurredAt: Date? = nil, failureReason: String? = nil) {
        self.providerMessageID = providerMessageID
        self.status = status
        self.occurredAt = occurredAt
        self.failureReason = failureReason
    }
}
