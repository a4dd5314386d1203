import RapportCore

/// An outgoing webhook as the API shows it; the secret only in the answer that created it.
struct WebhookSubscriptionResponse: JSONWritable {
    var subscription: WebhookSubscription
    var showSecret: Bool

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("active"); writer.bool(subscription.active)
        writer.key("created_at"); writer.timestamp(subscription.createdAt)
        writer.key("event_types"); writer.strings(subscription.eventTypes)
        writer.key("id"); writer.string(subscription.id)
        writer.key("object"); writer.string("webhook_endpoint")
        if showSecret { writer.key("secret"); writer.string(subscription.secret) }
        writer.key("url"); writer.string(subscription.url)
        writer.endObject()
    }
}
