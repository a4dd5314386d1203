import Foundation
import RapportCore

/// An outgoing webhook as the API shows it; the secret only in the answer that created it.
struct WebhookSubscriptionResponse: Encodable {
    let active: Bool
    let createdAt: Date
    let eventTypes: [String]
    let id: String
    let object = "webhook_endpoint"
    @OmittedWhenNil var secret: String?
    let url: String

    init(subscription: WebhookSubscription, showSecret: Bool) {
        active = subscription.active
        createdAt = subscription.createdAt
        eventTypes = subscription.eventTypes
        id = subscription.id
        secret = showSecret ? subscription.secret : nil
        url = subscription.url
    }
}
