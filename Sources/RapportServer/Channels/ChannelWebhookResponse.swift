import RapportCore

/// What Rapport answers a provider's webhook: how many messages it stored, how many it had
/// seen before, and how many delivery reports it applied.
struct ChannelWebhookResponse: Encodable {
    let deliveries: Int
    let duplicates: Int
    let received = true
    let stored: Int

    init(outcome: InboundOutcome) {
        deliveries = outcome.deliveriesApplied
        duplicates = outcome.duplicates
        stored = outcome.stored.count
    }
}
