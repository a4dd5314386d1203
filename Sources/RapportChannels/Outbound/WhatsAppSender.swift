import Foundation
import RapportCore

/// Sends through the WhatsApp Cloud API: `POST /{version}/{phone_number_id}/messages` on the
/// Graph API with the inbox's access token; text, or a template with body parameters.
public struct WhatsAppSender: ChannelSender {
    public static let graphBaseURL = "https://graph.facebook.com"
    public static let graphVersion = "v21.0"
    public let channel = InboxChannel.whatsapp
    let http: OutboundHTTP

    public init(http: OutboundHTTP) {
        self.http = http
    }

    public func send(_ outbound: OutboundMessage) async throws -> String {
        try await send(
            to: outbound.conversation.contact, text: outbound.message.text, template: TemplateMessage(content: outbound.message.content),
            through: outbound.inbox)
    }

    /// Sends a template (or, without one, `text`) to the WhatsApp id or number `to`; answers
    /// the message's id (`wamid.…`).
    public func send(to: String, text: String?, template: TemplateMessage?, through inbox: Inbox) async throws -> String {
        let base = inbox[.apiBaseURL] ?? Self.graphBaseURL
        let url = "\(base)/\(Self.graphVersion)/\(inbox[.phoneNumberID] ?? "")/messages"
        let body = Self.body(to: to, text: text, template: template)
        let answer: OutboundHTTP.Answer
        do {
            answer = try await http.post(url, headers: [
                ("Authorization", "Bearer \(inbox[.accessToken] ?? "")"), ("Content-Type", "application/json"),
            ], body: body)
        } catch {
            throw ProviderAnswer.unreachable(provider: "WhatsApp", error)
        }
        guard (200..<300).contains(answer.status) else {
            throw ProviderAnswer.failure(provider: "WhatsApp", status: answer.status, body: answer.body)
        }
        guard let id = (try? JSONParser.parse(Array(answer.body.utf8)))?["messages"]?.items.first?["id"]?.text else {
            throw JobFailure.retry("WhatsApp answered without a message id: \(answer.body.prefix(200))")
        }
        return id
    }

    static func body(to: String, text: String?, template: TemplateMessage?) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("messaging_product"); writer.string("whatsapp")
        writer.key("recipient_type"); writer.string("individual")
        writer.key("to"); writer.string(to)
        if let template {
            writer.key("type"); writer.string("template")
            writer.key("template")
            writer.beginObject()
            writer.key("name"); writer.string(template.name)
            writer.key("language"); writer.beginObject(); writer.key("code"); writer.string(template.language); writer.endObject()
            if !template.parameters.isEmpty {
                writer.key("components")
                writer.beginArray()
                writer.beginObject()
                writer.key("type"); writer.string("body")
                writer.key("parameters")
                writer.beginArray()
                for parameter in template.parameters {
                    writer.beginObject(); writer.key("type"); writer.string("text"); writer.key("text"); writer.string(parameter); writer.endObject()
                }
                writer.endArray()
                writer.endObject()
                writer.endArray()
            }
            writer.endObject()
        } else {
            writer.key("type"); writer.string("text")
            writer.key("text")
            writer.beginObject()
            writer.key("preview_url"); writer.bool(false)
            writer.key("body"); writer.string(text ?? "")
            writer.endObject()
        }
        writer.endObject()
        return writer.text
    }
}
