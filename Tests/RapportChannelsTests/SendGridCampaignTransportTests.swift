import Foundation
import RapportCore
import Testing

@testable import RapportChannels

/// Campaign e-mail through SendGrid's Mail Send API v3, against a local stand-in that checks the
/// Bearer key and answers as SendGrid does: 202 with an empty body and `X-Message-Id`, or
/// `{"errors": [{"message", "field", "help"}]}` (SendGrid v3 API reference, Mail Send; the
/// `X-Message-Id` glossary entry).
@Suite("Campaign e-mail through SendGrid")
struct SendGridCampaignTransportTests {
    static let key = "SG.test-key.abcdefghijklmnopqrstuvwxyz"
    static let xMessageID = "W86EgYT6SQKk0lRflfLRsA"

    static func sendGrid(_ request: LocalProviderAPI.Received) -> LocalProviderAPI.Reply {
        guard request.path == "/v3/mail/send", request.header("Authorization") == "Bearer \(key)" else {
            return LocalProviderAPI.Reply(
                status: 401, body: #"{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked","field":null,"help":null}]}"#)
        }
        let personalizations = request.json["personalizations"] as? [[String: Any]]
        let recipient = (personalizations?.first?["to"] as? [[String: Any]])?.first?["email"] as? String
        switch recipient ?? "" {
        case CampaignTransportFixtures.busy:
            return LocalProviderAPI.Reply(status: 429, body: #"{"errors":[{"field":null,"message":"too many requests"}]}"#)
        case CampaignTransportFixtures.refused:
            return LocalProviderAPI.Reply(
                status: 400, body: #"{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email","help":null}]}"#)
        case "sender@example.com":
            return LocalProviderAPI.Reply(
                status: 403,
                body: #"{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from","help":null}]}"#)
        default:
            return LocalProviderAPI.Reply(status: 202, headers: [("X-Message-Id", xMessageID)], body: "")
        }
    }

    static func settings(_ api: LocalProviderAPI) -> [String: String] {
        ["email_provider": "sendgrid", "api_base_url": api.baseURL, "sendgrid_api_key": key]
    }

    @Test("SendGrid gets the parts (plain text before HTML), the list headers and the send's id, with its tracking off; 202's X-Message-Id is recorded, and SendGrid's events for it name the send; 429 throttles, 400 refuses")
    func sendsParts() async throws {
        let api = try await LocalProviderAPI.start { Self.sendGrid($0) }
        defer { api.stop() }
        let outcomes = await CampaignTransportFixtures.deliver(through: CampaignTransportFixtures.inbox(Self.settings(api)))
        #expect(outcomes.first == .sent(messageID: Self.xMessageID))
        #expect(CampaignTransportFixtures.isThrottled(outcomes[1], saying: "too many requests"))
        #expect(CampaignTransportFixtures.isRefused(outcomes[2]))

        let request = try #require(api.requests.first { $0.text.contains(CampaignTransportFixtures.accepted) })
        #expect(request.header("Content-Type") == "application/json")
        let body = request.json
        let content = try #require(body["content"] as? [[String: String]])
        #expect(content.map { $0["type"] } == ["text/plain", "text/html"])
        #expect(content.last?["value"] == "<p>Hello Ann, three picks for you.</p>")
        #expect(body["subject"] as? String == "Three picks for you")
        #expect(body["from"] as? [String: String] == ["email": "news@shop.example", "name": "Toko Ütopia"])
        let personalization = try #require((body["personalizations"] as? [[String: Any]])?.first)
        #expect(personalization["to"] as? [[String: String]] == [["email": "ann@example.com", "name": "Ann Example"]])
        #expect(personalization["custom_args"] as? [String: String] == ["send_id": "snd_01JTESTANN"])
        let headers = try #require(body["headers"] as? [String: String])
        #expect(headers["List-Unsubscribe"] == "<https://shop.example/unsubscribe/tok1?send=snd_01JTESTANN>, <mailto:news@shop.example?subject=unsubscribe%20tok1>")
        #expect(headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        #expect(headers["Feedback-ID"] == "cmp_01JTEST:wsp_1:campaign:rapport")
        let tracking = try #require(body["tracking_settings"] as? [String: Any])
        #expect((tracking["click_tracking"] as? [String: Any])?["enable"] as? Bool == false)
        #expect((tracking["open_tracking"] as? [String: Any])?["enable"] as? Bool == false)

        // SendGrid's delivered event names the message by sg_message_id, X-Message-Id and a suffix,
        // and carries the custom argument: the parser names the recorded id.
        let event = #"[{"email":"ann@example.com","timestamp":1767607260,"smtp-id":"<\#(Self.xMessageID)@geopod-ismtpd-4>","event":"delivered","sg_event_id":"ZGVsaXZlcmVk","sg_message_id":"\#(Self.xMessageID).filterdrecv-5bf99c48d-wj7fv-20-5B77D30B-24.0","send_id":"snd_01JTESTANN","response":"250 OK"}]"#
        let feedback = try #require(SendGridEventWebhook.feedback(Array(event.utf8))?.first)
        #expect(feedback.messageID == DeliveryFeedback.normalizedMessageID(Self.xMessageID))
        #expect(feedback.providerID == "\(Self.xMessageID).filterdrecv-5bf99c48d-wj7fv-20-5B77D30B-24.0")
        let relayed = event.replacingOccurrences(of: #","send_id":"snd_01JTESTANN""#, with: "")
        #expect(SendGridEventWebhook.feedback(Array(relayed.utf8))?.first?.messageID == "\(Self.xMessageID.lowercased())@geopod-ismtpd-4",
            "mail relayed over SMTP is still named by its smtp-id")
    }

    @Test("a key SendGrid refuses (401) and a sender it has not verified defer the message, so the campaign pauses")
    func credentialsAndSenderDefer() async throws {
        let api = try await LocalProviderAPI.start { Self.sendGrid($0) }
        defer { api.stop() }
        var settings = Self.settings(api)
        settings["sendgrid_api_key"] = "SG.revoked"
        let revoked = await CampaignTransportFixtures.deliver([CampaignTransportFixtures.email(to: "ann@example.com")], through: CampaignTransportFixtures.inbox(settings))
        #expect(CampaignTransportFixtures.isDeferred(revoked.first, saying: "authorization grant is invalid"))
        let unverified = await CampaignTransportFixtures.deliver(
            [CampaignTransportFixtures.email(to: "sender@example.com")], through: CampaignTransportFixtures.inbox(Self.settings(api)))
        #expect(CampaignTransportFixtures.isDeferred(unverified.first, saying: "verified Sender Identity"))
        #expect(SendGridCampaignAPI().refusesAccount(OutboundHTTP.Answer(
            status: 400, body: #"{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from"}]}"#)))
    }
}
