import Foundation
import RapportCore

struct InteractionResponse: JSONWritable {
    var interaction: Interaction

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("channel"); writer.string(interaction.channel.rawValue)
        writer.key("created_at"); writer.timestamp(interaction.createdAt)
        writer.key("customer_id"); writer.string(interaction.customerID)
        writer.key("direction"); writer.string(interaction.direction.rawValue)
        writer.key("id"); writer.string(interaction.id)
        writer.key("kind"); writer.string(interaction.kind)
        writer.key("object"); writer.string("interaction")
        writer.key("occurred_at"); writer.timestamp(interaction.occurredAt)
        writer.key("payload"); writer.value(interaction.payload)
        writer.key("summary"); writer.string(interaction.summary)
        writer.endObject()
    }
}
