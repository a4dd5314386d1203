import Foundation
import RapportCore

/// Mailgun's event webhook: one JSON object per event, `signature` (`timestamp`, `token`,
/// `signature`, HMAC-SHA256 under the domain's webhook signing key) beside `event-data`. What
/// matters for consent: `failed` with `severity: permanent` (a hard bounce, or an address
/// Mailgun holds for one), `complained` and `unsubscribed`.
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
            feedback.append(DeliveryFeedback(kind: kind, address: address, occurredAt: event["timestamp"]?.unixDate))
        }
        return MailgunEventWebhook(token: token, timestamp: timestamp, signature: signature, feedback: feedback)
    }

    static func kind(of event: JSONValue) -> DeliveryFeedback.Kind? {
        switch event["event"]?.text {
        case "failed":
            guard event["severity"]?.text == "permanent" else { return nil }
            switch event["reason"]?.text {
            case "suppress-complaint": return .complaint
            case "suppress-unsubscribe": return .unsubscribe
            default: return .hardBounce
            }
        case "complained": return .complaint
        case "unsubscribed": return .unsubscribe
        default: return nil
        }
    }
}
