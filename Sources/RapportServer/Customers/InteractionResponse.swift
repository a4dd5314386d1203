import Foundation
import RapportCore

struct InteractionResponse: Encodable {
    var object = "interaction"
    var id: String
    var customerId: String
    var channel: InteractionChannel
    var direction: InteractionDirection
    var kind: String
    var summary: String?
    var occurredAt: Date
    var payload: JSONValue?
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

    enum CodingKeys: String, CodingKey {
        case object, id, customerId, channel, direction, kind, summary, occurredAt, payload, createdAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(object, forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(customerId, forKey: .customerId)
        try container.encode(channel, forKey: .channel)
        try container.encode(direction, forKey: .direction)
        try container.encode(kind, forKey: .kind)
        try container.encode(summary, forKey: .summary)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(payload ?? .null, forKey: .payload)
        try container.encode(createdAt, forKey: .createdAt)
    }
}
