import Foundation
import RapportCore

struct InteractionResponse: Encodable {
    let channel: InteractionChannel
    let createdAt: Date
    let customerID: String
    let direction: InteractionDirection
    let id: String
    let kind: InteractionKind
    let object = "interaction"
    let occurredAt: Date
    let payload: JSONValue?
    let summary: String?

    init(interaction: Interaction) {
        channel = interaction.channel
        createdAt = interaction.createdAt
        customerID = interaction.customerID
        direction = interaction.direction
        id = interaction.id
        kind = interaction.kind
        occurredAt = interaction.occurredAt
        payload = interaction.payload
        summary = interaction.summary
    }
}
