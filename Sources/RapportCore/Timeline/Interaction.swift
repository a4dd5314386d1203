import Foundation

/// One touchpoint on a customer's timeline.
public struct Interaction: Sendable, Equatable, Codable {
    public var id: String
    public var workspaceID: String
    public var customerID: String
    public var channel: InteractionChannel
    public var direction: InteractionDirection
    /// What happened, in the caller's words: `page_view`, `email_opened`, `call`, …
    public var kind: InteractionKind
    public var summary: String?
    public var occurredAt: Date
    public var payload: JSONValue?
    public var createdAt: Date

    public init(
        id: String, workspaceID: String, customerID: String, channel: InteractionChannel,
        direction: InteractionDirection, kind: InteractionKind, summary: String?, occurredAt: Date, payload: JSONValue?,
        createdAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.channel = channel
        self.direction = direction
        self.kind = kind
        self.summary = summary
        self.occurredAt = occurredAt
        self.payload = payload
        self.createdAt = createdAt
    }
}
