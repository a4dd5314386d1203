import Foundation
import RapportCore

/// SendGrid's Event Webhook: a JSON array of events. What matters: `bounce` (a hard bounce),
/// `spamreport`, `unsubscribe` and `group_unsubscribe`, `dropped` for an address SendGrid itself
/// holds for one of those reasons, and `delivered`. Each names its message by `smtp-id`, the
/// message's `Message-ID`, and by SendGrid's own `sg_message_id` (`providerID`) — except a
/// campaign e-mail Rapport handed to the Mail Send API (its events carry the `send_id` custom
/// argument Rapport set): SendGrid wrote that message's `Message-ID` itself, and the send
/// recorded the `X-Message-Id` SendGrid answered, which is `sg_message_id` up to its first dot
/// (`<X-Message-Id>.filter…`), so that names it. A bounce of
/// `type: blocked` is left out: the receiving server refused the sending IP or domain (its
/// reputation, a block list), which says nothing about the recipient's address. So is
/// everything else (processed, deferred — SendGrid is still trying —, opens, …).
public enum SendGridEventWebhook {
    /// The feedback in a batch; nil when the body is not a JSON array.
    public static func feedback(_ body: [UInt8]) -> [DeliveryFeedback]? {
        guard case .array(let events) = try? JSONParser.parse(body) else { return nil }
        return events.compactMap { event in
            guard let address = event["email"]?.text, let name = event["event"]?.text else { return nil }
            let when = event["timestamp"]?.unixDate
            let kind: DeliveryFeedback.Kind? =
                switch name {
                case "bounce": event["type"]?.text == "blocked" ? nil : DeliveryFeedback.Kind.hardBounce
                case "spamreport": .complaint
                case "unsubscribe", "group_unsubscribe": .unsubscribe
                case "delivered": .delivered
                case "dropped":
                    switch event["reason"]?.text {
                    case "Bounced Address": .hardBounce
                    case "Spam Reporting Address": .complaint
                    case "Unsubscribed Address": .unsubscribe
                    default: nil
                    }
                default: nil
                }
            return kind.map {
                DeliveryFeedback(kind: $0, address: address, occurredAt: when, messageID: messageID(of: event), providerID: event["sg_message_id"]?.text)
            }
        }
    }

    /// The id the event names its message by, as the send log keeps it (see above).
    static func messageID(of event: JSONValue) -> String? {
        if event["send_id"] != nil, let providerID = event["sg_message_id"]?.text, let xMessageID = providerID.split(separator: ".").first {
            return String(xMessageID)
        }
        return event["smtp-id"]?.text
    }
}
