import Foundation
import RapportCore
import RapportTestSupport
import Testing

@testable import RapportChannels

/// Campaign e-mail through Amazon SES v2 `SendEmail`, against a local stand-in that checks each
/// request as SES does — the SigV4 signature recomputed from the request it received with the
/// secret it knows, refused with SES's 403 `SignatureDoesNotMatch` when it differs — and
/// answers in SES's formats: `{"MessageId": …}`, or an error named in `x-amzn-ErrorType` with
/// `{"message": …}` (SES API v2 reference, SendEmail and Common Errors).
@Suite("Campaign e-mail through Amazon SES")
struct SESCampaignTransportTests {
    static let accessKeyID = "AKIAIOSFODNN7EXAMPLE"
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let region = "eu-west-1"

    /// SES as far as campaigns see it: the signature checked first, then the recipient decides.
    static func ses(_ request: LocalProviderAPI.Received) -> LocalProviderAPI.Reply {
        let authorization = request.header("Authorization") ?? ""
        let signedNames = authorization.components(separatedBy: "SignedHeaders=").dropFirst().first?
            .prefix(while: { $0 != "," }).split(separator: ";").map(String.init) ?? []
        let signed = request.headers.filter { signedNames.contains($0.0.lowercased()) }
        let signer = AWSSignatureV4(accessKeyID: accessKeyID, secretAccessKey: secret, region: region, service: "ses")
        let expected = signer.authorization(method: request.method, path: request.path, query: request.query, headers: signed, body: request.body)
        guard request.path == "/v2/email/outbound-emails", signedNames.contains("host"), signedNames.contains("x-amz-date"), authorization == expected
        else {
            return sesError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.")
        }
        let recipient = ((request.json["Destination"] as? [String: Any])?["ToAddresses"] as? [String])?.first
        switch recipient ?? "" {
        case CampaignTransportFixtures.busy: return sesError(429, "TooManyRequestsException", "Maximum sending rate exceeded.")
        case CampaignTransportFixtures.refused: return sesError(400, "MessageRejected", "Email address is not verified.")
        default: return LocalProviderAPI.Reply(status: 200, body: #"{"MessageId":"0102019a2b3c4d5e-11112222-3333-4444-5555-666677778888-000000"}"#)
        }
    }

    static func sesError(_ status: Int, _ type: String, _ message: String) -> LocalProviderAPI.Reply {
        LocalProviderAPI.Reply(
            status: status, headers: [("Content-Type", "application/json"), ("x-amzn-ErrorType", "\(type):http://internal.amazon.com/coral/com.amazon.coral.service/")],
            body: #"{"message":"\#(message)"}"#)
    }

    static func settings(_ api: LocalProviderAPI, secret: String = SESCampaignTransportTests.secret) -> [String: String] {
        [
            "email_provider": "ses", "api_base_url": api.baseURL, "ses_region": region, "ses_access_key_id": accessKeyID,
            "ses_secret_access_key": secret, "ses_configuration_set": "campaigns",
        ]
    }

    @Test("a batch goes out signed with SigV4: the raw message is Rapport's, DKIM-signed with List-Unsubscribe; SES's answer makes it sent under its Message-ID, which SES's events name; 429 throttles, 400 refuses")
    func sendsSignedRawMessages() async throws {
        let api = try await LocalProviderAPI.start { Self.ses($0) }
        defer { api.stop() }
        let key = try DKIMKey.generate(.ed25519SHA256)
        let outcomes = await CampaignTransportFixtures.deliver(through: CampaignTransportFixtures.inbox(Self.settings(api), dkim: key))

        let accepted = try #require(api.requests.first { $0.text.contains(CampaignTransportFixtures.accepted) })
        #expect(accepted.header("Content-Type") == "application/json")
        #expect(accepted.json["FromEmailAddress"] as? String == "news@shop.example")
        #expect(accepted.json["ConfigurationSetName"] as? String == "campaigns")
        let tags = try #require(accepted.json["EmailTags"] as? [[String: String]])
        #expect(tags == [["Name": "send_id", "Value": "snd_01JTESTANN"]])
        let raw = try #require(((accepted.json["Content"] as? [String: Any])?["Raw"] as? [String: Any])?["Data"] as? String)
        let message = try #require(Data(base64Encoded: raw))
        let text = String(decoding: message, as: UTF8.self)
        let verified = try DKIMCheck.dkimpy(Array(message), record: key.dnsRecord.text)
        #expect(verified.status == 0, "dkimpy: \(verified.output)")
        #expect(CampaignTransportFixtures.header("DKIM-Signature", in: text)?.contains("d=shop.example") == true)
        #expect(CampaignTransportFixtures.header("List-Unsubscribe", in: text)?.hasPrefix("<https://shop.example/unsubscribe/tok1?send=snd_01JTESTANN>") == true)
        #expect(CampaignTransportFixtures.header("List-Unsubscribe-Post", in: text) == "List-Unsubscribe=One-Click")
        // SES replaces Message-ID and Date ("Amazon SES header fields"): the signature leaves
        // them out, so it still verifies once SES has put its own in.
        let signedFields = CampaignTransportFixtures.header("DKIM-Signature", in: text) ?? ""
        #expect(!signedFields.contains("message-id") && !signedFields.contains(":date:") && signedFields.contains("list-unsubscribe"))
        let rewritten = text.split(separator: "\r\n", omittingEmptySubsequences: false).map { line -> String in
            if line.lowercased().hasPrefix("message-id:") { return "Message-ID: <0100018f00000000-aaaa@email.amazonses.com>" }
            if line.lowercased().hasPrefix("date:") { return "Date: Mon, 21 Sep 2026 14:13:21 +0000" }
            return String(line)
        }.joined(separator: "\r\n")
        let afterSES = try DKIMCheck.dkimpy(Array(rewritten.utf8), record: key.dnsRecord.text)
        #expect(afterSES.status == 0, "dkimpy after SES's own Message-ID and Date: \(afterSES.output)")

        let messageID = try #require(CampaignTransportFixtures.header("Message-ID", in: text))
        #expect(outcomes.count == 3)
        #expect(outcomes.first == .sent(messageID: "snd_01jtestann@shop.example"))
        #expect(messageID == "<snd_01jtestann@shop.example>")
        #expect(CampaignTransportFixtures.isThrottled(outcomes[1], saying: "Maximum sending rate exceeded"))
        #expect(CampaignTransportFixtures.isRefused(outcomes[2]))

        // SES's delivery event quotes the original headers: it names the send by what was recorded.
        let event = #"{"eventType":"Delivery","mail":{"messageId":"0102019a2b3c4d5e-11112222-3333-4444-5555-666677778888-000000","headers":[{"name":"Message-ID","value":"\#(messageID)"}]},"delivery":{"timestamp":"2026-01-05T10:00:01.000Z","recipients":["ann@example.com"]}}"#
        #expect(SESNotification.feedback(event)?.first?.messageID == "snd_01jtestann@shop.example")
    }

    @Test("a wrong secret fails SES's signature check: every e-mail is deferred with SES's words, so the campaign pauses instead of failing its audience")
    func wrongSecretDefers() async throws {
        let api = try await LocalProviderAPI.start { Self.ses($0) }
        defer { api.stop() }
        let inbox = CampaignTransportFixtures.inbox(Self.settings(api, secret: "not-the-secret"))
        let outcomes = await CampaignTransportFixtures.deliver(through: inbox)
        #expect(api.requests.count == 3)
        #expect(outcomes.allSatisfy { CampaignTransportFixtures.isDeferred($0, saying: "signature we calculated does not match") })
        #expect(outcomes.allSatisfy { CampaignTransportFixtures.isDeferred($0, saying: "credentials") })
    }

    @Test("SES's account-wide refusals (sending paused) defer; its public address is per region")
    func accountRefusalsDefer() {
        let paused = OutboundHTTP.Answer(
            status: 400, body: #"{"message":"Sending is paused for this account."}"#,
            headers: [(name: "x-amzn-ErrorType", value: "SendingPausedException:http://internal.amazon.com/coral/com.amazon.ses/")])
        #expect(SESCampaignAPI().refusesAccount(paused))
        #expect(!SESCampaignAPI().refusesAccount(OutboundHTTP.Answer(status: 400, body: #"{"__type":"MessageRejected","message":"x"}"#)))
        #expect(SESCampaignAPI.standardBaseURL(region: "eu-west-1") == "https://email.eu-west-1.amazonaws.com")
    }
}
