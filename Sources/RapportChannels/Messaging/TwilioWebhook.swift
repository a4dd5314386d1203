import Foundation
import RapportCore

/// Reads Twilio's messaging webhooks: an inbound SMS/MMS (`MessageSid`, `From`, `Body`,
/// `NumMedia` with `MediaUrlN`) or a status callback (`MessageStatus`, `ErrorCode`).
public enum TwilioWebhook {
    public static func payload(_ fields: [(String, String)]) -> ChannelPayload {
        let form = Dictionary(fields, uniquingKeysWith: { first, _ in first })
        guard let sid = form["MessageSid"] ?? form["SmsSid"], !sid.isEmpty else { return ChannelPayload() }
        if let status = form["MessageStatus"] ?? (form["Body"] == nil ? form["SmsStatus"] : nil) {
            guard let update = delivery(sid: sid, status: status, errorCode: form["ErrorCode"], errorMessage: form["ErrorMessage"]) else {
                return ChannelPayload()
            }
            return ChannelPayload(deliveries: [update])
        }
        guard let from = form["From"], !from.isEmpty else { return ChannelPayload() }
        let mediaCount = Int(form["NumMedia"] ?? "0") ?? 0
        let attachments = (0..<min(max(mediaCount, 0), 10)).compactMap { index -> Attachment? in
            guard let url = form["MediaUrl\(index)"] else { return nil }
            let mime = form["MediaContentType\(index)"]
            return Attachment(type: mime.map { String($0.prefix { $0 != "/" }) } ?? "file", url: url, mimeType: mime)
        }
        let body = form["Body"].flatMap { $0.isEmpty ? nil : $0 }
        let raw = FormBody.encode(fields)
        return ChannelPayload(messages: [InboundMessage(
            providerMessageID: sid, from: from, kind: body == nil && !attachments.isEmpty ? .image : .text, text: body,
            attachments: attachments, raw: raw)])
    }

    static func delivery(sid: String, status: String, errorCode: String?, errorMessage: String?) -> DeliveryUpdate? {
        let state: DeliveryStatus? = switch status {
        case "sent": .sent
        case "delivered": .delivered
        case "read": .read
        case "failed", "undelivered": .failed
        default: nil
        }
        guard let state else { return nil }
        let reason = state == .failed
            ? ["Twilio error \(errorCode ?? "unknown")", errorMessage].compactMap { $0 }.joined(separator: ": ") + " (\(status))" : nil
        return DeliveryUpdate(providerMessageID: sid, status: state, failureReason: reason)
    }
}
