import Foundation

/// A touchpoint added to a customer's timeline.
public struct InteractionEventPayload: EventPayload {
    public static let version = 1

    public let channel: InteractionChannel
    public let createdAt: Date
    public let customerID: String
    public let direction: InteractionDirection
    public let id: String
    public let kind: InteractionKind
    public let occurredAt: Date
    @OmittedWhenNil public var payload: JSONValue?
    @OmittedWhenNil public var summary: String?
    public let workspaceID: String

    public init(_ interaction: Interaction) {
        channel = interaction.channel
        createdAt = interaction.createdAt
        customerID = interaction.customerID
        direction = interaction.direction
        id = interaction.id
        kind = interaction.kind
        occurredAt = interaction.occurredAt
        payload = interaction.payload
        summary = interaction.summary
        workspaceID = interaction.workspaceID
    }
}
