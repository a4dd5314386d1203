import Foundation
import RapportCore

/// Amazon SES v2 `SendEmail` (`POST /v2/email/outbound-emails` at `email.{region}.amazonaws.com`)
/// with the raw message: the MIME Rapport composed, signed with the inbox's DKIM key, in base64
/// (`Content.Raw.Data`), to the one recipient, through the inbox's configuration set when it
/// has one, tagged with the send's id (`send_id`, which SES's events carry in `mail.tags`).
/// The request is signed with AWS Signature Version 4 (service `ses`) under the inbox's access
/// key.
///
/// SES reports on a message by the `Message-ID` it was sent with (its notifications quote the
/// original headers: `mail.headers`, `mail.commonHeaders.messageId`), and `SESNotification`
/// names it by that; SES's own `MessageId`, which the answer gives, is their provider id. So
/// the send records Rapport's `Message-ID`, as it does through SMTP (also through SES's SMTP
/// interface), and feedback finds it either way.
struct SESCampaignAPI: CampaignEmailAPI {
    static let path = "/v2/email/outbound-emails"
    /// SES's error types (`x-amzn-ErrorType`) that stop every message of the account or the
    /// sender: sending paused or suspended, the sending quota used up, a MAIL FROM domain not
    /// verified.
    static let accountErrors: Set<String> = [
        "AccountSuspendedException", "SendingPausedException", "LimitExceededException", "MailFromDomainNotVerifiedException",
    ]

    let provider = EmailProvider.ses
    /// SES's "Amazon SES header fields": it overrides any `Message-ID` and `Date` given, so a
    /// signature over them would fail at the receiver.
    let rewrittenHeaders: Set<String> = ["message-id", "date"]

    /// The API's public address in a region.
    static func standardBaseURL(region: String) -> String {
        "https://email.\(region).amazonaws.com"
    }

    func request(for message: ComposedCampaignMessage, through inbox: Inbox, at date: Date) -> CampaignAPIRequest {
        let region = inbox[.sesRegion] ?? ""
        let url = baseURL(of: inbox, standard: Self.standardBaseURL(region: region)) + Self.path
        var fields: [String: JSONValue] = [
            "FromEmailAddress": .string(message.sender.address),
            "Destination": .object(["ToAddresses": .array([.string(message.email.address)])]),
            "Content": .object(["Raw": .object(["Data": .string(Data(message.message.utf8).base64EncodedString())])]),
            "EmailTags": .array([.object(["Name": .string("send_id"), "Value": .string(message.email.sendID)])]),
        ]
        if let configurationSet = inbox[.sesConfigurationSet] { fields["ConfigurationSetName"] = .string(configurationSet) }
        let body = JSONValue.object(fields).jsonText
        let signer = AWSSignatureV4(
            accessKeyID: inbox[.sesAccessKeyID] ?? "", secretAccessKey: inbox[.sesSecretAccessKey] ?? "", region: region, service: "ses")
        let unsigned = [("Content-Type", "application/json")]
        let headers = signer.signedHeaders(method: "POST", url: url, headers: unsigned, body: Array(body.utf8), at: date) ?? unsigned
        return CampaignAPIRequest(url: url, headers: headers, body: body)
    }

    func recordedMessageID(in answer: OutboundHTTP.Answer, for message: ComposedCampaignMessage) -> String {
        message.messageID
    }

    func refusesAccount(_ answer: OutboundHTTP.Answer) -> Bool {
        // `AccountSuspendedException:http://internal.amazon.com/coral/com.amazon.ses/`, or a
        // body's `__type` of `com.amazonaws.ses#AccountSuspendedException`.
        guard let type = answer.header("x-amzn-ErrorType") ?? json(of: answer)?["__type"]?.text,
            let name = type.split(separator: ":").first?.split(separator: "#").last
        else { return false }
        return Self.accountErrors.contains(String(name))
    }
}
