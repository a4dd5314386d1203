import Foundation

/// One change of a customer's consent, as the append-only history keeps it.
public struct ConsentEntry: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var customerID: String
    public var purpose: ConsentPurpose
    public var channel: ConsentChannel
    public var status: ConsentStatus
    /// When a grant ends by itself.
    public var expiresAt: Date?
    public var evidence: ConsentEvidence
    /// When Rapport stored it (the person may have acted earlier: `evidence.occurredAt`).
    public var recordedAt: Date

    public init(
        id: String, workspaceID: String, customerID: String, purpose: ConsentPurpose, channel: ConsentChannel, status: ConsentStatus,
        expiresAt: Date?, evidence: ConsentEvidence, recordedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.purpose = purpose
        self.channel = channel
        self.status = status
        self.expiresAt = expiresAt
        self.evidence = evidence
        self.recordedAt = recordedAt
    }
}
