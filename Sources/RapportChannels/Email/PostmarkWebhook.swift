import Foundation
import RapportCore

/// Postmark's webhooks: one JSON object per record, told apart by `RecordType`. What matters
/// for consent: a `Bounce` of `Type: HardBounce`, a `SpamComplaint`, and a `SubscriptionChange`
/// that starts suppressing (`SuppressSending: true`) for a hard bounce, a complaint or the
/// person's own unsubscribe (`ManualSuppression`).
public enum PostmarkWebhook {
    /// The feedback a body holds (none for other records); nil when it is not Postmark's shape.
    public static func feedback(_ body: [UInt8]) -> [DeliveryFeedback]? {
        guard let record = try? JSONParser.parse(body), let type = record["RecordType"]?.text else { return nil }
        let kind: DeliveryFeedback.Kind?
        let address: String?
        let time: String?
        switch type {
        case "Bounce":
            kind = record["Type"]?.text == "HardBounce" ? .hardBounce : nil
            (address, time) = (record["Email"]?.text, record["BouncedAt"]?.text)
        case "SpamComplaint":
            kind = .complaint
            (address, time) = (record["Email"]?.text, record["BouncedAt"]?.text)
        case "SubscriptionChange":
            if case .bool(true)? = record["SuppressSending"] {
                switch record["SuppressionReason"]?.text {
                case "HardBounce": kind = .hardBounce
                case "SpamComplaint": kind = .complaint
                case "ManualSuppression": kind = .unsubscribe
                default: kind = nil
                }
            } else {
                kind = nil
            }
            (address, time) = (record["Recipient"]?.text, record["ChangedAt"]?.text)
        default:
            return []
        }
        guard let kind, let address else { return [] }
        return [DeliveryFeedback(kind: kind, address: address, occurredAt: time.flatMap(Timestamp.parse))]
    }
}
