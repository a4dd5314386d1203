import Foundation

/// A consent change as events carry it: which customer, purpose and channel, the new status,
/// where it came from and when the person acted. The address and browser of the person stay
/// in Rapport (they are evidence, not something a subscriber needs).
public struct ConsentEventPayload: EventPayload {
    public static let version = 1

    public let channel: ConsentChannel
    public let customerID: String
    public let expiresAt: Date?
    public let id: String
    public let occurredAt: Date
    public let purpose: ConsentPurpose
    public let source: ConsentSource
    public let status: ConsentStatus
    public let textHash: String?

    public init(_ entry: ConsentEntry) {
        channel = entry.channel
        customerID = entry.customerID
        expiresAt = entry.expiresAt
        id = entry.id
        occurredAt = entry.evidence.occurredAt
        purpose = entry.purpose
        source = entry.evidence.source
        status = entry.status
        textHash = entry.evidence.textHash
    }
}
