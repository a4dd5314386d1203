import Foundation
import RapportCore

/// Postmark's webhooks: one JSON object per record, told apart by `RecordType`. What matters
/// for consent: a `Bounce` of `Type: HardBounce` (or `SoftBounce`, counted towards a
/// suppression; an `AutoResponder` "bounce" is an out-of-office reply and counts for nothing), a
/// `SpamComplaint`, and a `SubscriptionChange` that starts suppressing (`SuppressSending: true`)
/// for a hard bounce, a complaint or the person's own unsubscribe (`ManualSuppression`).
/// Postmark names the message by its own `MessageID`, not the `Message-ID` Rapport wrote, so
/// its reports name no message; that `MessageID` is their provider id (`providerID`). Except a
/// campaign e-mail Rapport handed to Postmark's API (its record's `Metadata` carries the
/// `send_id` Rapport set): Postmark built that message, and the send recorded the `MessageID`
/// Postmark answered, so that names it.
public enum PostmarkWebhook {
    /// The feedback a body holds (none for other records); nil when it is not Postmark's shape.
    public static func feedback(_ body: [UInt8]) -> [DeliveryFeedback]? {
        guard let record = try? JSONParser.parse(body), let type = record["RecordType"]?.text else { return nil }
        let kind: DeliveryFeedback.Kind?
        let address: String?
        let time: String?
        switch type {
        case "Bounce":
            switch record["Type"]?.text {
            case "HardBounce": kind = .hardBounce
            case "SoftBounce": kind = .softBounce
            default: kind = nil
            }
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
        let providerID = record["MessageID"]?.text
        let sentByRapport = record["Metadata"]?["send_id"] != nil
        return [DeliveryFeedback(
            kind: kind, address: address, occurredAt: time.flatMap(Timestamp.parse), messageID: sentByRapport ? providerID : nil, providerID: providerID)]
    }
}
