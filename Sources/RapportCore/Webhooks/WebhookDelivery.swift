import Foundation

/// What a `webhook.deliver` job posts: the subscription, the body (the event in its envelope)
/// and the attempt number. The signature is made by the sender over `timestamp.body`.
public struct WebhookDelivery: Sendable, Equatable {
    public var subscription: WebhookSubscription
    public var eventID: String
    public var eventType: String
    public var body: String
    public var attempt: Int

    public init(subscription: WebhookSubscription, eventID: String, eventType: String, body: String, attempt: Int) {
        self.subscription = subscription
        self.eventID = eventID
        self.eventType = eventType
        self.body = body
        self.attempt = attempt
    }
}
