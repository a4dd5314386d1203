import Foundation

/// One entry of the append-only event log (the outbox), written in the same transaction as the
/// change it describes. `payload` is the JSON of an `EventPayload`, in the shape its
/// `payloadVersion` names.
public struct DomainEvent: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var type: DomainEventType
    public var subjectID: String
    public var payload: String
    public var payloadVersion: Int
    public var occurredAt: Date

    public init(
        id: String, workspaceID: String, type: DomainEventType, subjectID: String, payload: String, payloadVersion: Int,
        occurredAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.type = type
        self.subjectID = subjectID
        self.payload = payload
        self.payloadVersion = payloadVersion
        self.occurredAt = occurredAt
    }
}
