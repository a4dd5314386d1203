/// The input of a `webhook.deliver` job: which event goes to which subscription.
public struct WebhookDeliveryPayload: JobPayload, Equatable {
    public static let jobKind = JobKind.webhookDeliver

    public var subscriptionID: String
    public var eventID: String

    public init(subscriptionID: String, eventID: String) {
        self.subscriptionID = subscriptionID
        self.eventID = eventID
    }

    enum CodingKeys: String, CodingKey {
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case subscriptionID = "subscriptionId"
        case eventID = "eventId"
    }
}
