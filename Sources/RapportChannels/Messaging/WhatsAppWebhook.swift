import Foundation
import RapportCore

/// Reads WhatsApp Cloud API webhooks (`object: whatsapp_business_account`): messages of
/// every type and delivery statuses. A type Rapport does not read yet becomes `unsupported`
/// with its raw JSON; nothing is dropped.
public enum WhatsAppWebhook {
    public static func payload(_ root: JSONValue) -> ChannelPayload {
        var payload = ChannelPayload()
        for entry in root["entry"]?.items ?? [] {
            for change in entry["changes"]?.items ?? [] {
                guard let value = change["value"] else { continue }
                var names: [String: String] = [:]
                for contact in value["contacts"]?.items ?? [] {
                    if let id = contact["wa_id"]?.text, let name = contact["profile"]?["name"]?.text { names[id] = name }
                }
                for message in value["messages"]?.items ?? [] {
                    if let inbound = self.message(message, names: names) { payload.messages.append(inbound) }
                }
                for status in value["statuses"]?.items ?? [] {
                    if let update = delivery(status) { payload.deliveries.append(update) }
                }
                // `field: user_preferences`: the person stopped or resumed marketing messages in WhatsApp.
                for preference in value["user_preferences"]?.items ?? [] {
                    guard let id = preference["wa_id"]?.text, preference["category"]?.text == "marketing_messages",
                        let choice = preference["value"]?.text, choice == "stop" || choice == "resume"
                    else { continue }
                    payload.preferences.append(ContactPreference(
                        from: id, marketing: choice == "resume", detail: preference["detail"]?.text, occurredAt: preference["timestamp"]?.unixDate))
                }
            }
        }
        return payload
    }

    static func message(_ message: JSONValue, names: [String: String]) -> InboundMessage? {
        guard let id = message["id"]?.text, let from = message["from"]?.text else { return nil }
        let type = message["type"]?.text ?? "unknown"
        var inbound = InboundMessage(
            providerMessageID: id, from: from, fromName: names[from], kind: .unsupported, raw: message.jsonText,
            occurredAt: message["timestamp"]?.unixDate)
        switch type {
        case "text":
            inbound.kind = .text
            inbound.text = message["text"]?["body"]?.text
        case "image", "audio", "video", "document", "sticker":
            let media = message[type]
            inbound.kind = MessageKind(rawValue: type) ?? .document
            inbound.text = media?["caption"]?.text
            inbound.attachments = [Attachment(
                type: type, providerMediaID: media?["id"]?.text, mimeType: media?["mime_type"]?.text,
                filename: media?["filename"]?.text, caption: media?["caption"]?.text)]
        case "location":
            let location = message["location"]
            inbound.kind = .location
            inbound.text = location?["name"]?.text ?? location?["address"]?.text
            inbound.content = .object(["location": .object([
                "latitude": location?["latitude"] ?? .null, "longitude": location?["longitude"] ?? .null,
                "name": location?["name"] ?? .null, "address": location?["address"] ?? .null,
            ])])
        case "reaction":
            let reaction = message["reaction"]
            inbound.kind = .reaction
            inbound.text = reaction?["emoji"]?.text
            inbound.content = .object(["reaction": .object([
                "emoji": reaction?["emoji"] ?? .null, "message_id": reaction?["message_id"] ?? .null,
            ])])
        case "button":
            inbound.kind = .text
            inbound.text = message["button"]?["text"]?.text
        case "interactive":
            let reply = message["interactive"]?["button_reply"] ?? message["interactive"]?["list_reply"]
            inbound.kind = .text
            inbound.text = reply?["title"]?.text
        default:
            inbound.text = nil
        }
        return inbound
    }

    static func delivery(_ status: JSONValue) -> DeliveryUpdate? {
        guard let id = status["id"]?.text, let name = status["status"]?.text, let state = DeliveryStatus(rawValue: name),
            state != .pending
        else { return nil }
        let error = status["errors"]?.items.first
        let reason = error.map { error in
            [error["code"]?.text, error["title"]?.text, error["error_data"]?["details"]?.text].compactMap { $0 }.joined(separator: ": ")
        }
        return DeliveryUpdate(providerMessageID: id, status: state, occurredAt: status["timestamp"]?.unixDate, failureReason: reason)
    }
}
