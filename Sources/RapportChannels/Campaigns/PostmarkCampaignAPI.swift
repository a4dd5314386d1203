import Foundation
import RapportCore

/// Postmark's `POST /email` (the server's token in `X-Postmark-Server-Token`): Postmark builds
/// the message itself from the parts, with the campaign's list headers
/// (`CampaignMessageComposer.listHeaders`), in the inbox's message stream (`broadcast` unless
/// set: campaigns are broadcasts), and signs it with the domain's DKIM set up at Postmark, not
/// with Rapport's key. Postmark's tracking is off (`TrackOpens`, `TrackLinks`): Rapport tracks.
/// The send's id goes along as `Metadata.send_id`, which Postmark's webhooks carry back.
///
/// Postmark answers `{"MessageID": "…", "ErrorCode": 0, "Message": "OK", …}` and its webhooks
/// name the message by that `MessageID`; the send records it, and `PostmarkWebhook` names a
/// message that carries `send_id` by it.
struct PostmarkCampaignAPI: CampaignEmailAPI {
    static let standardBaseURL = "https://api.postmarkapp.com"
    static let defaultMessageStream = "broadcast"
    /// Postmark's `ErrorCode`s that stop every message of the server or the sender: a bad
    /// token, maintenance, a sender signature not found or not confirmed, not allowed to send,
    /// the account pending or not allowed to send.
    static let accountErrorCodes: Set<Int> = [10, 100, 400, 401, 405, 412, 413]

    let provider = EmailProvider.postmark
    let rewrittenHeaders: Set<String> = []

    func request(for message: ComposedCampaignMessage, through inbox: Inbox, at date: Date) -> CampaignAPIRequest {
        let email = message.email
        let headers = CampaignMessageComposer.listHeaders(for: email).map { header -> JSONValue in
            .object(["Name": .string(header.name), "Value": .string(header.value)])
        }
        var fields: [String: JSONValue] = [:]
        fields["From"] = .string(message.sender.headerValue)
        fields["To"] = .string(EmailAddress(name: email.name, address: email.address).headerValue)
        fields["Subject"] = .string(email.subject)
        fields["HtmlBody"] = .string(email.html)
        fields["TextBody"] = .string(email.text)
        fields["Headers"] = .array(headers)
        fields["MessageStream"] = .string(inbox[.postmarkMessageStream] ?? Self.defaultMessageStream)
        fields["Metadata"] = .object(["send_id": .string(email.sendID)])
        fields["TrackOpens"] = .bool(false)
        fields["TrackLinks"] = .string("None")
        let body = JSONValue.object(fields)
        return CampaignAPIRequest(
            url: baseURL(of: inbox, standard: Self.standardBaseURL) + "/email",
            headers: [
                ("Accept", "application/json"), ("Content-Type", "application/json"),
                ("X-Postmark-Server-Token", inbox[.postmarkServerToken] ?? ""),
            ],
            body: body.jsonText)
    }

    func recordedMessageID(in answer: OutboundHTTP.Answer, for message: ComposedCampaignMessage) -> String {
        json(of: answer)?["MessageID"]?.text.flatMap { $0.isEmpty ? nil : $0 } ?? message.messageID
    }

    func refusesAccount(_ answer: OutboundHTTP.Answer) -> Bool {
        guard let code = json(of: answer)?["ErrorCode"]?.double else { return false }
        return Self.accountErrorCodes.contains(Int(code))
    }
}
