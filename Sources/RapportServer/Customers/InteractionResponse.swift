import Foundation
import RapportCore

struct InteractionResponse: Encodable {
    let object = "interaction"
    var id: String
    var customerId: String
    var channel: InteractionChannel
    var direction: InteractionDirection
    var kind: String
    @NullEncoded var summary: String?
    var occurredAt: Date
    @NullEncoded var payload: JSONValue?
    var createdAt: Date

    init(_ interaction: Interaction) {
        id = interaction.id
        customerId = interaction.customerID
        channel = interaction.channel
        direction = interaction.direction
        kind = interaction.kind
        summary = interaction.summary
        occurredAt = interaction.occurredAt
        payload = interaction.payload
        createdAt = interaction.createdAt
    }
}
