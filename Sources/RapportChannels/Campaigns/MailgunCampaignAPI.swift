import Foundation
import RapportCore

/// Mailgun's `POST /v3/{domain}/messages.mime` (HTTP Basic `api:{key}`; `api.eu.mailgun.net` for
/// an account in the EU): `multipart/form-data` with the recipient (`to`), the whole message
/// Rapport composed and signed with the inbox's DKIM key as a file (`message`), the send's id
/// as a variable (`v:send_id`, in every event's `user-variables`), and Mailgun's tracking off
/// (`o:tracking`): Rapport tracks, and rewriting the links would break its DKIM signature.
///
/// Mailgun keeps the message's `Message-ID` and answers `{"id": "<that id>", "message":
/// "Queued. Thank you."}`; its events name the message by it (`message.headers.message-id`),
/// which is what `MailgunEventWebhook` reads. The send records the answer's id without its
/// brackets, in lower case.
struct MailgunCampaignAPI: CampaignEmailAPI {
    let provider = EmailProvider.mailgun
    let rewrittenHeaders: Set<String> = []

    /// The API's public address for the account's region (`eu`, or `us` when unset).
    static func standardBaseURL(region: String?) -> String {
        region == "eu" ? "https://api.eu.mailgun.net" : "https://api.mailgun.net"
    }

    func request(for message: ComposedCampaignMessage, through inbox: Inbox, at date: Date) -> CampaignAPIRequest {
        var form = MultipartFormBody()
        form.addField("to", message.email.address)
        form.addField("v:send_id", message.email.sendID)
        form.addField("o:tracking", "no")
        form.addFile("message", filename: "message.mime", contentType: "message/rfc822", content: message.message)
        let credentials = Data("api:\(inbox[.mailgunAPIKey] ?? "")".utf8).base64EncodedString()
        let url = baseURL(of: inbox, standard: Self.standardBaseURL(region: inbox[.mailgunRegion])) + "/v3/\(inbox[.mailgunDomain] ?? "")/messages.mime"
        return CampaignAPIRequest(
            url: url, headers: [("Authorization", "Basic \(credentials)"), ("Content-Type", form.contentType)], body: form.text)
    }

    func recordedMessageID(in answer: OutboundHTTP.Answer, for message: ComposedCampaignMessage) -> String {
        json(of: answer)?["id"]?.text.flatMap(DeliveryFeedback.normalizedMessageID) ?? message.messageID
    }
}
