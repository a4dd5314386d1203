import Foundation
import RapportCore
import Testing

@testable import RapportChannels

/// Campaign e-mail through Postmark's `POST /email`, against a local stand-in that checks the
/// server token and answers as Postmark does: `{"To", "SubmittedAt", "MessageID", "ErrorCode": 0,
/// "Message": "OK"}`, or `{"ErrorCode", "Message"}` with 401 or 422 (Postmark developer docs,
/// Email API and API error codes).
@Suite("Campaign e-mail through Postmark")
struct PostmarkCampaignTransportTests {
    static let token = "pm-server-token-0000"
    static let postmarkMessageID = "b7bc2f4a-e38e-4336-af7d-e6c392c2f817"

    static func postmark(_ request: LocalProviderAPI.Received) -> LocalProviderAPI.Reply {
        guard request.path == "/email", request.header("X-Postmark-Server-Token") == token else {
            return LocalProviderAPI.Reply(status: 401, body: #"{"ErrorCode":10,"Message":"Request does not contain a valid Server token."}"#)
        }
        switch request.json["To"] as? String ?? "" {
        case let to where to.contains(CampaignTransportFixtures.busy):
            return LocalProviderAPI.Reply(status: 429, body: #"{"ErrorCode":429,"Message":"Rate limit exceeded."}"#)
        case let to where to.contains(CampaignTransportFixtures.refused):
            return LocalProviderAPI.Reply(status: 422, body: #"{"ErrorCode":300,"Message":"Invalid 'To' address: 'bad@example.com'."}"#)
        case let to where to.contains("sender@example.com"):
            return LocalProviderAPI.Reply(
                status: 422,
                body: #"{"ErrorCode":400,"Message":"The 'From' address you supplied (news@shop.example) is not a Sender Signature on your account."}"#)
        default:
            return LocalProviderAPI.Reply(
                status: 200,
                body: #"{"To":"ann@example.com","SubmittedAt":"2026-01-05T10:00:00.1234567Z","MessageID":"\#(postmarkMessageID)","ErrorCode":0,"Message":"OK"}"#)
        }
    }

    static func settings(_ api: LocalProviderAPI) -> [String: String] {
        ["email_provider": "postmark", "api_base_url": api.baseURL, "postmark_server_token": token]
    }

    @Test("Postmark gets the parts, the list headers, the broadcast stream and the send's id, with its tracking off; its MessageID is recorded and names the send in its webhooks; 429 throttles, 422 refuses")
    func sendsParts() async throws {
        let api = try await LocalProviderAPI.start { Self.postmark($0) }
        defer { api.stop() }
        let outcomes = await CampaignTransportFixtures.deliver(through: CampaignTransportFixtures.inbox(Self.settings(api)))
        #expect(outcomes.first == .sent(messageID: Self.postmarkMessageID))
        #expect(CampaignTransportFixtures.isThrottled(outcomes[1], saying: "Rate limit exceeded"))
        #expect(CampaignTransportFixtures.isRefused(outcomes[2]))

        let request = try #require(api.requests.first { ($0.json["To"] as? String)?.contains(CampaignTransportFixtures.accepted) == true })
        let body = request.json
        #expect(request.header("Accept") == "application/json" && request.header("Content-Type") == "application/json")
        #expect((body["From"] as? String)?.hasSuffix("<news@shop.example>") == true)
        #expect(body["To"] as? String == "\"Ann Example\" <ann@example.com>")
        #expect(body["Subject"] as? String == "Three picks for you")
        #expect(body["HtmlBody"] as? String == "<p>Hello Ann, three picks for you.</p>")
        #expect(body["TextBody"] as? String == "Hello Ann, three picks for you.")
        #expect(body["MessageStream"] as? String == "broadcast")
        #expect(body["Metadata"] as? [String: String] == ["send_id": "snd_01JTESTANN"])
        #expect(body["TrackOpens"] as? Bool == false)
        #expect(body["TrackLinks"] as? String == "None")
        let headers = try #require(body["Headers"] as? [[String: String]])
        #expect(headers.map { $0["Name"] } == ["List-Unsubscribe", "List-Unsubscribe-Post", "Feedback-ID"])
        #expect(headers.first?["Value"] == "<https://shop.example/unsubscribe/tok1?send=snd_01JTESTANN>, <mailto:news@shop.example?subject=unsubscribe%20tok1>")

        // Postmark's bounce webhook carries the MessageID and the Metadata Rapport set: it names the send.
        let bounce = #"{"Metadata":{"send_id":"snd_01JTESTANN"},"RecordType":"Bounce","Type":"HardBounce","TypeCode":1,"MessageID":"\#(Self.postmarkMessageID)","MessageStream":"broadcast","Email":"ann@example.com","BouncedAt":"2026-01-05T10:00:05Z"}"#
        let feedback = try #require(PostmarkWebhook.feedback(Array(bounce.utf8))?.first)
        #expect(feedback.messageID == Self.postmarkMessageID && feedback.providerID == Self.postmarkMessageID)
    }

    @Test("a token Postmark refuses and a sender it does not know defer the message, so the campaign pauses")
    func tokenAndSenderDefer() async throws {
        let api = try await LocalProviderAPI.start { Self.postmark($0) }
        defer { api.stop() }
        var settings = Self.settings(api)
        settings["postmark_server_token"] = "pm-wrong"
        let refusedToken = await CampaignTransportFixtures.deliver(
            [CampaignTransportFixtures.email(to: CampaignTransportFixtures.accepted)], through: CampaignTransportFixtures.inbox(settings))
        #expect(CampaignTransportFixtures.isDeferred(refusedToken.first, saying: "valid Server token"))
        let unknownSender = await CampaignTransportFixtures.deliver(
            [CampaignTransportFixtures.email(to: "sender@example.com")], through: CampaignTransportFixtures.inbox(Self.settings(api)))
        #expect(CampaignTransportFixtures.isDeferred(unknownSender.first, saying: "not a Sender Signature"))
    }
}
