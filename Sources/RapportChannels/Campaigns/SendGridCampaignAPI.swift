import Foundation
import RapportCore

/// SendGrid's Mail Send API v3 (`POST /v3/mail/send`, the API key as a Bearer token): SendGrid
/// builds the message itself from the parts — the plain text first, then the HTML —, with the
/// campaign's list headers (`CampaignMessageComposer.listHeaders`), and signs it with the
/// domain authentication set up at SendGrid, not with Rapport's DKIM key. Its own click and
/// open tracking is switched off: Rapport tracks both itself, and SendGrid's would count them
/// twice and hide Rapport's links behind its own. The send's id goes along as a custom argument
/// (`send_id`), which SendGrid copies into every event of the message.
///
/// SendGrid writes the message's `Message-ID` itself and answers 202 with `X-Message-Id`; its
/// events name the message by `sg_message_id`, that id followed by `.` and a suffix of its
/// own. The send records `X-Message-Id`, and `SendGridEventWebhook` names a message that
/// carries `send_id` by the part of `sg_message_id` before its first dot.
struct SendGridCampaignAPI: CampaignEmailAPI {
    static let standardBaseURL = "https://api.sendgrid.com"
    static let path = "/v3/mail/send"

    let provider = EmailProvider.sendgrid
    let rewrittenHeaders: Set<String> = []

    func request(for message: ComposedCampaignMessage, through inbox: Inbox, at date: Date) -> CampaignAPIRequest {
        let email = message.email
        let personalization: [String: JSONValue] = [
            "to": .array([Self.address(email.address, name: email.name)]),
            "custom_args": .object(["send_id": .string(email.sendID)]),
        ]
        let parts: [JSONValue] = [("text/plain", email.text), ("text/html", email.html)].map { type, value in
            .object(["type": .string(type), "value": .string(value)])
        }
        var headers: [String: JSONValue] = [:]
        for header in CampaignMessageComposer.listHeaders(for: email) { headers[header.name] = .string(header.value) }
        let tracking: [String: JSONValue] = [
            "click_tracking": .object(["enable": .bool(false), "enable_text": .bool(false)]),
            "open_tracking": .object(["enable": .bool(false)]),
        ]
        var fields: [String: JSONValue] = [:]
        fields["personalizations"] = .array([.object(personalization)])
        fields["from"] = Self.address(message.sender.address, name: message.sender.name)
        fields["subject"] = .string(email.subject)
        fields["content"] = .array(parts)
        fields["headers"] = .object(headers)
        fields["tracking_settings"] = .object(tracking)
        let body = JSONValue.object(fields)
        return CampaignAPIRequest(
            url: baseURL(of: inbox, standard: Self.standardBaseURL) + Self.path,
            headers: [("Authorization", "Bearer \(inbox[.sendgridAPIKey] ?? "")"), ("Content-Type", "application/json")],
            body: body.jsonText)
    }

    func recordedMessageID(in answer: OutboundHTTP.Answer, for message: ComposedCampaignMessage) -> String {
        answer.header("X-Message-Id").flatMap { $0.isEmpty ? nil : $0 } ?? message.messageID
    }

    /// A refusal that names the `from` field: the sender is not a verified identity at SendGrid.
    func refusesAccount(_ answer: OutboundHTTP.Answer) -> Bool {
        (json(of: answer)?["errors"]?.items ?? []).contains { $0["field"]?.text?.hasPrefix("from") ?? false }
    }

    /// `{"email", "name"}`, the name left out when there is none (SendGrid refuses an empty one).
    static func address(_ address: String, name: String?) -> JSONValue {
        guard let name, !name.isEmpty else { return .object(["email": .string(address)]) }
        return .object(["email": .string(address), "name": .string(name)])
    }
}
