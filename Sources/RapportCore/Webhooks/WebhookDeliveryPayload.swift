/// The input of a `webhook.deliver` job: which event goes to which subscription.
public struct WebhookDeliveryPayload: Sendable, Codable, Equatable {
    public static let jobKind = "webhook.deliver"

    public var subscriptionID: String
    public var eventID: String

    public init(subscriptionID: String, eventID: String) {
        self.subscriptionID = subscriptionID
        self.eventID = eventID
    }

    enum CodingKeys: String, CodingKey {
        case subscriptionID = "subscription_id"
        case eventID = "event_id"
    }
}
