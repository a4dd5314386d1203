import Crypto
import Foundation
import RapportCore

/// Reads Messenger (`object: page`) and Instagram (`object: instagram`) messaging webhooks:
/// messages with text and attachments, postbacks, and delivery and read receipts. Echoes of
/// the page's own messages are skipped (Rapport stored them when it sent them).
public enum MetaMessagingWebhook {
    public static func payload(_ root: JSONValue) -> ChannelPayload {
        var payload = ChannelPayload()
        for entry in root["entry"]?.items ?? [] {
            for event in entry["messaging"]?.items ?? [] {
                guard let sender = event["sender"]?["id"]?.text else { continue }
                let time = event["timestamp"]?.unixDate
                if let message = event["message"] {
                    if message["is_echo"] == .bool(true) { continue }
                    guard let mid = message["mid"]?.text else { continue }
                    payload.messages.append(inbound(message, mid: mid, sender: sender, time: time, raw: event.jsonText))
                } else if let postback = event["postback"] {
                    let mid = postback["mid"]?.text ?? "postback:\(sender):\(event["timestamp"]?.text ?? "")"
                    payload.messages.append(InboundMessage(
                        providerMessageID: mid, from: sender, kind: .text, text: postback["title"]?.text,
                        raw: event.jsonText, occurredAt: time))
                } else if let delivery = event["delivery"] {
                    for mid in delivery["mids"]?.items.compactMap(\.text) ?? [] {
                        payload.deliveries.append(DeliveryUpdate(providerMessageID: mid, status: .delivered, occurredAt: time))
                    }
                } else if let read = event["read"], let mid = read["mid"]?.text {
                    payload.deliveries.append(DeliveryUpdate(providerMessageID: mid, status: .read, occurredAt: time))
                } else if event["reaction"] == nil {
                    // Named by its content, so Meta's retry of the same event is recognised.
                    let raw = event.jsonText
                    let id = "event:" + SHA256.hash(data: Data(raw.utf8)).map { String(format: "%02x", $0) }.joined()
                    payload.messages.append(InboundMessage(providerMessageID: id, from: sender, kind: .unsupported, raw: raw, occurredAt: time))
                }
            }
        }
        return payload
    }

    private static func inbound(_ message: JSONValue, mid: String, sender: String, time: Date?, raw: String) -> InboundMessage {
        let files = message["attachments"]?.items ?? []
        var inbound = InboundMessage(
            providerMessageID: mid, from: sender, kind: .text, text: message["text"]?.text, raw: raw, occurredAt: time)
        inbound.attachments = files.map { file in
            Attachment(type: file["type"]?.text ?? "file", url: file["payload"]?["url"]?.text)
        }
        if inbound.text == nil, let first = files.first?["type"]?.text {
            inbound.kind = MessageKind(rawValue: first == "file" ? "document" : first) ?? .unsupported
        }
        return inbound
    }
}
