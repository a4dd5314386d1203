import Foundation
import RapportCore

/// SendGrid's Event Webhook: a JSON array of events. What matters for consent: `bounce`
/// (a hard bounce; `type: blocked` is a refusal that may pass later, not a bounce),
/// `spamreport`, `unsubscribe` and `group_unsubscribe`, and `dropped` for an address SendGrid
/// itself holds for one of those reasons. Everything else (processed, delivered, opens, …)
/// is left out.
public enum SendGridEventWebhook {
    /// The feedback in a batch; nil when the body is not a JSON array.
    public static func feedback(_ body: [UInt8]) -> [DeliveryFeedback]? {
        guard case .array(let events) = try? JSONParser.parse(body) else { return nil }
        return events.compactMap { event in
            guard let address = event["email"]?.text, let name = event["event"]?.text else { return nil }
            let when = event["timestamp"]?.unixDate
            let kind: DeliveryFeedback.Kind? =
                switch name {
                case "bounce": event["type"]?.text == "blocked" ? nil : .hardBounce
                case "spamreport": .complaint
                case "unsubscribe", "group_unsubscribe": .unsubscribe
                case "dropped":
                    switch event["reason"]?.text {
                    case "Bounced Address": .hardBounce
                    case "Spam Reporting Address": .complaint
                    case "Unsubscribed Address": .unsubscribe
                    default: nil
                    }
                default: nil
                }
            return kind.map { DeliveryFeedback(kind: $0, address: address, occurredAt: when) }
        }
    }
}
