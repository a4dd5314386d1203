import Hummingbird
import RapportCore

/// What Rapport answers a provider's webhook: how many messages it stored, how many it had
/// seen before, and how many delivery reports it applied.
struct ChannelWebhookResponse: JSONWritable {
    var outcome: InboundOutcome

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("deliveries"); writer.integer(Int64(outcome.deliveriesApplied))
        writer.key("duplicates"); writer.integer(Int64(outcome.duplicates))
        writer.key("received"); writer.bool(true)
        writer.key("stored"); writer.integer(Int64(outcome.stored.count))
        writer.endObject()
    }
}
