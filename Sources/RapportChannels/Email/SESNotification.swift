import Foundation
import RapportCore

/// Amazon SES's event notifications: the JSON an SNS notification carries in its `Message`,
/// typed by `notificationType` (the identity's feedback notifications) or `eventType` (event
/// publishing through a configuration set). What matters: a `Bounce` — `bounceType: Permanent`
/// a hard bounce of each of `bouncedRecipients`; `Transient` and `Undetermined` soft bounces,
/// counted towards a suppression, except those whose `bounceSubType` is about the message or
/// its sender, not the mailbox (`ContentRejected`, `AttachmentRejected`, `MessageTooLarge`),
/// which count for nothing —, a `Complaint` of each of `complainedRecipients` (not one of
/// `complaintFeedbackType: not-spam`), and a `Delivery` to each of `delivery.recipients`. The
/// message is named by its `Message-ID` header (`mail.headers`, else
/// `mail.commonHeaders.messageId`), which SES quotes only when the identity's notifications
/// include the original headers (or events are published through a configuration set);
/// `mail.messageId` is SES's own id, not that header: it is the reports' provider id.
public enum SESNotification {
    /// Transient bounce subtypes that say the receiving server refused this message (its
    /// content, an attachment, its size), not that the mailbox is failing.
    static let messageRefusals: Set<String> = ["ContentRejected", "AttachmentRejected", "MessageTooLarge"]

    /// The feedback a notification holds (none for other types: `Send`, `DeliveryDelay`, `Open`,
    /// …); nil when it is not SES's shape. `snsMessageID`, the `MessageId` of the SNS message
    /// that carried it, is the provider id when SES gave no `mail.messageId`.
    public static func feedback(_ message: String, snsMessageID: String? = nil) -> [DeliveryFeedback]? {
        guard let root = try? JSONParser.parse(Array(message.utf8)),
            let type = root["eventType"]?.text ?? root["notificationType"]?.text
        else { return nil }
        let messageID = Self.messageID(of: root["mail"])
        let providerID = root["mail"]?["messageId"]?.text ?? snsMessageID
        func reports(_ kind: DeliveryFeedback.Kind, _ detail: JSONValue?, addresses: [String]) -> [DeliveryFeedback] {
            let when = (detail?["timestamp"]?.text).flatMap(Timestamp.parse)
            return addresses.compactMap { EmailAddress.parse($0)?.address }
                .map { DeliveryFeedback(kind: kind, address: $0, occurredAt: when, messageID: messageID, providerID: providerID) }
        }
        switch type {
        case "Bounce":
            let bounce = root["bounce"]
            let kind: DeliveryFeedback.Kind
            if bounce?["bounceType"]?.text == "Permanent" {
                kind = .hardBounce
            } else if let subtype = bounce?["bounceSubType"]?.text, Self.messageRefusals.contains(subtype) {
                return []
            } else {
                kind = .softBounce
            }
            return reports(kind, bounce, addresses: (bounce?["bouncedRecipients"]?.items ?? []).compactMap { $0["emailAddress"]?.text })
        case "Complaint":
            let complaint = root["complaint"]
            guard complaint?["complaintFeedbackType"]?.text != "not-spam" else { return [] }
            return reports(.complaint, complaint, addresses: (complaint?["complainedRecipients"]?.items ?? []).compactMap { $0["emailAddress"]?.text })
        case "Delivery":
            let delivery = root["delivery"]
            return reports(.delivered, delivery, addresses: (delivery?["recipients"]?.items ?? []).compactMap(\.text))
        default:
            return []
        }
    }

    /// The `Message-ID` header of the message, as SES quotes it.
    static func messageID(of mail: JSONValue?) -> String? {
        let headers = mail?["headers"]?.items ?? []
        let header = headers.first(where: { $0["name"]?.text?.lowercased() == "message-id" })?["value"]?.text
        return header ?? mail?["commonHeaders"]?["messageId"]?.text
    }
}
