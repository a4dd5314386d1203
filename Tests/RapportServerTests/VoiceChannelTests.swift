import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

@Suite("Voice channel")
struct VoiceChannelTests {
    @Test("the phone menu answers with TwiML, sends the caller to a safe way for order status on 1, takes a voicemail on 2, and logs the call on the timeline", arguments: TestDatabase.available)
    func ivr(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/inboxes", json: """
                {"channel":"voice","name":"Hotline","settings":{"account_sid":"AC1","auth_token":"voice-token","phone_number":"+18005551212",
                 "greeting":"Welcome to Mugs & Co."}}
                """)
            let inboxID = try #require(created.object["id"] as? String)
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"phone","value":"+14158675309"}],"first_name":"Ada"}"#)
            let customerID = try #require(customer.object["id"] as? String)
            let order = try await api.send(.post, "/api/v1/orders", json: """
                {"customer_id":"\(customerID)","number":"1001","currency":"EUR","status":"fulfilled",
                 "lines":[{"title":"Mug","quantity":1,"unit_price":1500}],
                 "fulfillments":[{"carrier":"DHL","tracking_number":"JD01"}]}
                """)
            #expect(order.status == .created)
            let base = "/webhooks/twilio/voice/\(inboxID)"
            let call = "CallSid=CA100&From=%2B14158675309&To=%2B18005551212&CallStatus=ringing"
            #expect(try await MetaAndTwilioChannelTests.postTwilio(api, path: base, form: call, token: "wrong").status == .unauthorized)
            let answer = try await MetaAndTwilioChannelTests.postTwilio(api, path: base, form: call, token: "voice-token")
            #expect(answer.status == .ok)
            #expect(answer.text.contains("<Gather input=\"dtmf\" numDigits=\"1\""))
            #expect(answer.text.contains("action=\"\(APIHarness.publicURL)\(base)/menu\""))
            #expect(answer.text.contains("Welcome to Mugs &amp; Co."))

            let one = try await MetaAndTwilioChannelTests.postTwilio(api, path: base + "/menu", form: call + "&Digits=1", token: "voice-token")
            #expect(one.text.contains("we do not read out order details on a call") && !one.text.contains("1001"))
            #expect(one.text.contains("<Record action=\"\(APIHarness.publicURL)\(base)/recording\""))
            let two = try await MetaAndTwilioChannelTests.postTwilio(api, path: base + "/menu", form: call + "&Digits=2", token: "voice-token")
            #expect(two.text.contains("<Record action=\"\(APIHarness.publicURL)\(base)/recording\""))
            let recording = call + "&RecordingUrl=https%3A%2F%2Fapi.twilio.com%2Frecordings%2FRE1&RecordingDuration=12"
            _ = try await MetaAndTwilioChannelTests.postTwilio(api, path: base + "/recording", form: recording, token: "voice-token")
            let done = "CallSid=CA100&From=%2B14158675309&To=%2B18005551212&CallStatus=completed&CallDuration=65"
            #expect(try await MetaAndTwilioChannelTests.postTwilio(api, path: base + "/status", form: done, token: "voice-token").status == .ok)

            let timeline = try #require(try await api.send(.get, "/api/v1/customers/\(customerID)/timeline").object["data"] as? [[String: Any]])
            let logged = try #require(timeline.first { $0["kind"] as? String == "call" })
            #expect(logged["summary"] as? String == "Call (completed), 1 min 5 s, menu 1 → 2, voicemail")
            let payload = try #require(logged["payload"] as? [String: Any])
            #expect(payload["recording_url"] as? String == "https://api.twilio.com/recordings/RE1")
            #expect(payload["duration_seconds"] as? Double == 65)
            let conversations = try #require(try await api.send(.get, "/api/v1/conversations?customer_id=\(customerID)").object["data"] as? [[String: Any]])
            #expect(conversations.count == 1)
            #expect(conversations.first?["channel"] as? String == "voice")
        }
    }
}
