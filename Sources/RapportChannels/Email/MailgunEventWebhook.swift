import Foundation
import RapportCore

/// Mailgun's event webhook: one JSON object per event, `signature` (`timestamp`, `token`,
/// `signature`, HMAC-SHA256 under the domain's webhook signing key) beside `event-data`. What
/// matters: `failed` with `severity: permanent` (a hard bounce, or an address Mailgun holds for
/// one; `reason: old`, retries given up, a soft bounce), `complained`, `unsubscribed` and
/// `delivered`. A `severity: temporary` failure is one try that Mailgun will retry (greylisting
/// makes them all the time): it says nothing about the address. The message is named by
/// `message.headers.message-id`; the event's own `id` is the provider id (`providerID`), the
/// same when Mailgun posts the event again.
public struct MailgunEventWebhook: Sendable {
    public var token: String
    public var timestamp: String
    public var signature: String
    public var feedback: [DeliveryFeedback]

    /// The event a body holds; nil when it is not Mailgun's shape.
    public static func read(_ body: [UInt8]) -> MailgunEventWebhook? {
        guard let root = try? JSONParser.parse(body), let signed = root["signature"], let event = root["event-data"],
            let token = signed["token"]?.text, let timestamp = signed["timestamp"]?.text, let signature = signed["signature"]?.text
        else { return nil }
        var feedback: [DeliveryFeedback] = []
        if let address = event["recipient"]?.text, let kind = kind(of: event) {
            feedback.append(DeliveryFeedback(
                kind: kind, address: address, occurredAt: event["timestamp"]?.unixDate,
                messageID: event["message"]?["headers"]?["message-id"]?.text, providerID: event["id"]?.text))
        }
        return MailgunEventWebhook(token: token, timestamp: timestamp, signature: signature, feedback: feedback)
    }

    static func kind(of event: JSONValue) -> DeliveryFeedback.Kind? {
        switch event["event"]?.text {
        case "failed":
            switch event["severity"]?.text {
            case "permanent":
                switch event["reason"]?.text {
                case "suppress-complaint": return .complaint
                case "suppress-unsubscribe": return .unsubscribe
                // Mailgun gave up retrying a temporary failure: the address exists.
                case "old": return .softBounce
                default: return .hardBounce
                }
            // A failed try Mailgun retries (`temporary`), or no severity: nothing yet.
            default: return nil
            }
        case "complained": return .complaint
        case "unsubscribed": return .unsubscribe
        case "delivered": return .delivered
        default: return nil
        }
    }
}
