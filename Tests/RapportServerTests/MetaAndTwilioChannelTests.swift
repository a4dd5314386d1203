import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

@Suite("Messenger, Instagram and Twilio SMS channels")
struct MetaAndTwilioChannelTests {
    @Test("Messenger and Instagram messages come in signed and replies go out through the Send API", arguments: TestDatabase.available)
    func metaMessaging(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        graph.script("/messages", body: #"{"recipient_id":"PSID_1","message_id":"m_reply1"}"#)
        try await APIHarness.run(on: database) { api in
            for (channel, file, sender) in [("messenger", "messenger-message", "PSID_1"), ("instagram", "instagram-message", "IGSID_1")] {
                let created = try await api.send(.post, "/api/v1/inboxes", json: """
                    {"channel":"\(channel)","name":"\(channel)","settings":{"page_id":"PAGE_ID","page_access_token":"page-token",
                     "app_secret":"meta-secret","verify_token":"v","api_base_url":"\(graph.baseURL)"}}
                    """)
                let inboxID = try #require(created.object["id"] as? String)
                let body = try ChannelFixtures.text(file, "json", in: "meta")
                var headers = HTTPFields()
                headers[.contentType] = "application/json"
                let forged = try await api.client.execute(uri: "/webhooks/\(channel)/\(inboxID)", method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(forged.status == .unauthorized)
                headers[HTTPField.Name("X-Hub-Signature-256")!] = ChannelFixtures.metaSignature(body, secret: "meta-secret")
                let response = try await api.client.execute(uri: "/webhooks/\(channel)/\(inboxID)", method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(response.object["stored"] as? Int == 1)
                let conversation = try #require(
                    (try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])?.first)
                #expect(conversation["contact"] as? String == sender)
                let conversationID = try #require(conversation["id"] as? String)
                let reply = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"On its way!"}"#)
                #expect(reply.status == .created)
                try await api.runJobs()
                let sent = try #require(graph.requests.last)
                #expect(sent.path == "/v21.0/PAGE_ID/messages")
                #expect(sent.headers["authorization"] == "Bearer page-token")
                #expect((sent.json["recipient"] as? [String: Any])?["id"] as? String == sender)
                #expect((sent.json["message"] as? [String: Any])?["text"] as? String == "On its way!")
                #expect(sent.json["messaging_type"] as? String == "RESPONSE")
                // Delivery receipts name the message by its mid.
                let receipt = #"{"object":"page","entry":[{"id":"PAGE_ID","time":1,"messaging":[{"sender":{"id":"\#(sender)"},"recipient":{"id":"PAGE_ID"},"timestamp":1458668856253,"delivery":{"mids":["m_reply1"],"watermark":1458668856253}}]}]}"#
                headers[HTTPField.Name("X-Hub-Signature-256")!] = ChannelFixtures.metaSignature(receipt, secret: "meta-secret")
                let applied = try await api.client.execute(uri: "/webhooks/\(channel)/\(inboxID)", method: .post, headers: headers, body: ByteBuffer(string: receipt))
                #expect(applied.object["deliveries"] as? Int == 1)
                let messages = try #require(try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])
                #expect(messages.last?["delivery_status"] as? String == "delivered")
            }
        }
    }

    static func postTwilio(_ api: APIHarness, path: String, form: String, token: String) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        let signature = WebhookSignature.twilioSignature(url: APIHarness.publicURL + path, parameters: FormBody.parse(form), authToken: token)
        headers[HTTPField.Name("X-Twilio-Signature")!] = signature
        return try await api.client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: form))
    }

    /// An SMS inbox on the fake Twilio (token `twilio-token`): its id, its webhook path, and the
    /// fixture's inbound form.
    static func smsInbox(_ api: APIHarness, twilio: FakeProvider) async throws -> (inboxID: String, path: String, form: String) {
        let created = try await api.send(.post, "/api/v1/inboxes", json: """
            {"channel":"sms","name":"SMS","settings":{"account_sid":"AC1234567890abcdef1234567890abcdef","auth_token":"twilio-token",
             "phone_number":"+18005551212","api_base_url":"\(twilio.baseURL)"}}
            """)
        let inboxID = try #require(created.object["id"] as? String)
        let form = try ChannelFixtures.text("sms-inbound", "form", in: "twilio").trimmingCharacters(in: .whitespacesAndNewlines)
        return (inboxID, "/webhooks/twilio/sms/\(inboxID)", form)
    }

    @Test("an SMS comes in with a valid X-Twilio-Signature only; replies go to Twilio's REST API and status callbacks update them", arguments: TestDatabase.available)
    func twilioSMS(database: TestDatabase) async throws {
        let twilio = try await FakeProvider.start()
        defer { twilio.stop() }
        twilio.script("/Messages.json", status: .created, body: #"{"sid":"SMreply0001","status":"queued"}"#)
        try await APIHarness.run(on: database) { api in
            let (inboxID, path, form) = try await Self.smsInbox(api, twilio: twilio)
            let forged = try await Self.postTwilio(api, path: path, form: form, token: "wrong")
            #expect(forged.status == .unauthorized)
            let accepted = try await Self.postTwilio(api, path: path, form: form, token: "twilio-token")
            #expect(accepted.status == .ok)
            #expect(accepted.text.contains("<Response></Response>"))
            _ = try await Self.postTwilio(api, path: path, form: form, token: "twilio-token")
            let conversation = try #require(
                (try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])?.first)
            let conversationID = try #require(conversation["id"] as? String)
            let messages = try #require(try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])
            #expect(messages.count == 1)
            #expect(messages.first?["text"] as? String == "Where is my order #1001?")

            _ = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"It left our warehouse today."}"#)
            try await api.runJobs()
            let sent = try #require(twilio.requests.last)
            #expect(sent.path == "/2010-04-01/Accounts/AC1234567890abcdef1234567890abcdef/Messages.json")
            let credentials = Data("AC1234567890abcdef1234567890abcdef:twilio-token".utf8).base64EncodedString()
            #expect(sent.headers["authorization"] == "Basic \(credentials)")
            let fields = Dictionary(FormBody.parse(sent.body), uniquingKeysWith: { first, _ in first })
            #expect(fields["To"] == "+14158675309")
            #expect(fields["From"] == "+18005551212")
            #expect(fields["Body"] == "It left our warehouse today.")
            #expect(fields["StatusCallback"] == APIHarness.publicURL + path + "/status")

            let status = "MessageSid=SMreply0001&MessageStatus=undelivered&ErrorCode=30003&AccountSid=AC1234567890abcdef1234567890abcdef"
            let callback = try await Self.postTwilio(api, path: path + "/status", form: status, token: "twilio-token")
            #expect(callback.status == .ok)
            let after = try #require(try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])
            #expect(after.last?["delivery_status"] as? String == "failed")
            #expect((after.last?["failure_reason"] as? String)?.contains("30003") == true)
        }
    }
}
