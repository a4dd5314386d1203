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

/// Nothing that needs consent leaves without it, on any channel; service messages still go;
/// an SMS `STOP` holds every message to that number.
@Suite("Consent gate")
struct ConsentGateTests {
    /// One inbox per channel that sends, each pointed at a fake provider or the SMTP sink, and a
    /// customer every one of them reaches.
    struct Setup {
        var inboxes: [(channel: String, id: String)]
        var customerID: String
    }

    static func setUp(_ api: APIHarness, provider: FakeProvider, sink: SMTPSink) async throws -> Setup {
        let base = provider.baseURL
        let settings: [(String, String)] = [
            ("sms", #"{"account_sid":"AC1234567890abcdef1234567890abcdef","auth_token":"twilio-token","phone_number":"+18005551212","api_base_url":"\#(base)"}"#),
            ("whatsapp", #"{"phone_number_id":"1122334455667","access_token":"EAAG-test","app_secret":"wa-secret","verify_token":"v","api_base_url":"\#(base)"}"#),
            ("messenger", #"{"page_id":"PAGE_ID","page_access_token":"page-token","app_secret":"meta-secret","verify_token":"v","api_base_url":"\#(base)"}"#),
            ("instagram", #"{"page_id":"IG_ID","page_access_token":"page-token","app_secret":"meta-secret","verify_token":"v","api_base_url":"\#(base)"}"#),
            ("webchat", #"{"identity_secret":"chat-secret-0123456789abcdef"}"#),
        ]
        var inboxes: [(String, String)] = [("email", try await EmailChannelTests.inbox(api, sink: sink))]
        for (channel, json) in settings {
            let created = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"\#(channel)","name":"\#(channel)","settings":\#(json)}"#)
            inboxes.append((channel, try #require(created.object["id"] as? String, "\(created.object)")))
        }
        let customer = try await api.send(.post, "/api/v1/customers", json: """
            {"identities":[{"kind":"email","value":"noor@example.com"},{"kind":"phone","value":"+14155550123"},
             {"kind":"whatsapp","value":"14155550123"},{"kind":"messenger","value":"PSID_9"},{"kind":"instagram","value":"IGSID_9"}],
             "first_name":"Noor"}
            """)
        return Setup(inboxes: inboxes, customerID: try #require(customer.object["id"] as? String))
    }

    static func start(_ api: APIHarness, inbox: (channel: String, id: String), customerID: String, purpose: String?) async throws -> TestResponse {
        let purpose = purpose.map { #","purpose":"\#($0)""# } ?? ""
        // WhatsApp writes first only with a template.
        let content = inbox.channel == "whatsapp" ? #""template":{"name":"spring_sale","language":"en"}"# : #""text":"Our spring sale starts today""#
        return try await api.send(.post, "/api/v1/conversations", json: """
            {"inbox_id":"\(inbox.id)","customer_id":"\(customerID)","message":{\(content)\(purpose)}}
            """)
    }

    @Test("a marketing message on every channel, with consent missing, denied, withdrawn or expired, is refused and nothing leaves; service messages still go", arguments: TestDatabase.available)
    func nothingLeaves(database: TestDatabase) async throws {
        let provider = try await FakeProvider.start()
        defer { provider.stop() }
        provider.script("/Messages.json", status: .created, body: #"{"sid":"SMgate0001","status":"queued"}"#)
        provider.script("/messages", body: #"{"recipient_id":"PSID_9","message_id":"m_gate","messages":[{"id":"wamid.gate"}]}"#)
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let setup = try await Self.setUp(api, provider: provider, sink: sink)
            let id = setup.customerID
            func answer(_ status: String, _ channel: String, expires: String? = nil) async throws {
                let expiry = expires.map { #","expires_at":"\#($0)""# } ?? ""
                let recorded = try await api.send(.post, "/api/v1/customers/\(id)/consents", json: """
                    {"purpose":"marketing","channel":"\(channel)","status":"\(status)","source":"form"\(expiry)}
                    """)
                #expect(recorded.status == .created)
            }
            let channels = ["email", "sms", "whatsapp", "messenger", "instagram"]
            let expiry = Timestamp.iso8601(api.clock.now().addingTimeInterval(3600))
            for state in ["missing", "denied", "withdrawn", "expired"] {
                switch state {
                case "denied": for channel in channels { try await answer("denied", channel) }
                case "withdrawn":
                    for channel in channels { try await answer("granted", channel) }
                    for channel in channels { try await answer("withdrawn", channel) }
                case "expired":
                    for channel in channels { try await answer("granted", channel, expires: expiry) }
                    api.clock.advance(by: 7200)
                default: break
                }
                for inbox in setup.inboxes {
                    let refused = try await Self.start(api, inbox: inbox, customerID: id, purpose: "marketing")
                    #expect(refused.status == .unprocessableContent, "\(state) \(inbox.channel): \(refused.text)")
                    #expect(refused.text.contains("Not sent"), "\(refused.text)")
                }
            }
            try await api.runJobs()
            #expect(provider.requests.isEmpty, "nothing reached a provider: \(provider.requests.map(\.path))")
            #expect(try sink.received().isEmpty, "no mail left")
            #expect((try await api.send(.get, "/api/v1/conversations").object["data"] as? [Any])?.isEmpty == true, "nothing was stored either")

            // Service messages need no consent: each channel delivers one.
            for inbox in setup.inboxes {
                let sent = try await Self.start(api, inbox: inbox, customerID: id, purpose: nil)
                #expect(sent.status == .created, "\(inbox.channel): \(sent.text)")
            }
            try await api.runJobs()
            #expect(provider.requests.count == 4, "SMS, WhatsApp, Messenger and Instagram")
            #expect(try sink.received().count == 1)

            // With a consent that holds now, marketing goes too; a pause holds it again.
            try await answer("granted", "sms")
            let sms = try #require(setup.inboxes.first { $0.channel == "sms" })
            #expect(try await Self.start(api, inbox: sms, customerID: id, purpose: "marketing").status == .created)
            try await api.services.store.write { session in
                try await session.preferences.save(ContactPreferences(
                    customerID: id, workspaceID: api.workspaceID, pausedUntil: api.clock.now().addingTimeInterval(86_400), updatedAt: api.clock.now()))
            }
            let paused = try await Self.start(api, inbox: sms, customerID: id, purpose: "marketing")
            #expect(paused.status == .unprocessableContent && paused.text.contains("paused"))
            // A note or a web chat carries no purpose.
            let webchat = try #require(setup.inboxes.first { $0.channel == "webchat" })
            #expect(try await Self.start(api, inbox: webchat, customerID: id, purpose: "marketing").status == .unprocessableContent)
        }
    }

    @Test("an SMS STOP gets the standard reply, withdraws marketing by SMS and holds every message to that number, a queued one too; START lifts it", arguments: TestDatabase.available)
    func stopKeyword(database: TestDatabase) async throws {
        let twilio = try await FakeProvider.start()
        defer { twilio.stop() }
        twilio.script("/Messages.json", status: .created, body: #"{"sid":"SMstop0001","status":"queued"}"#)
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/inboxes", json: """
                {"channel":"sms","name":"SMS","settings":{"account_sid":"AC1234567890abcdef1234567890abcdef","auth_token":"twilio-token",
                 "phone_number":"+18005551212","api_base_url":"\(twilio.baseURL)"}}
                """)
            let inboxID = try #require(created.object["id"] as? String)
            let path = "/webhooks/twilio/sms/\(inboxID)"
            func text(_ body: String, sid: String, extra: String = "") async throws -> TestResponse {
                try await MetaAndTwilioChannelTests.postTwilio(
                    api, path: path, form: "MessageSid=\(sid)&AccountSid=AC1234567890abcdef1234567890abcdef&From=%2B14158675309&To=%2B18005551212&Body=\(body)\(extra)",
                    token: "twilio-token")
            }
            let hello = try await text("Where+is+my+order%3F", sid: "SM1")
            #expect(!hello.text.contains("<Message>"), "an ordinary message gets no keyword reply")
            let conversationID = try #require(
                (try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)").object["data"] as? [[String: Any]])?.first?["id"] as? String)
            let customerID = try #require(
                (try await api.send(.get, "/api/v1/conversations/\(conversationID)").object["customer_id"] as? String))
            // An answer is queued, then STOP arrives before the worker sends it.
            #expect(try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"It ships today."}"#).status == .created)

            let stop = try await text("Stop", sid: "SM2")
            #expect(stop.status == .ok)
            #expect(stop.text.contains("<Message>You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.</Message>"))
            try await api.runJobs()
            #expect(twilio.requests.isEmpty, "the queued answer did not leave")
            let messages = try #require(try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])
            #expect(messages.map { $0["text"] as? String } == ["Where is my order?", "It ships today."], "STOP is not a message")
            #expect(messages.last?["delivery_status"] as? String == "failed")
            #expect((messages.last?["failure_reason"] as? String)?.contains("suppressed") == true)
            let consent = try #require((try await api.send(.get, "/api/v1/customers/\(customerID)/consents").object["data"] as? [[String: Any]])?.first)
            #expect(consent["purpose"] as? String == "marketing" && consent["channel"] as? String == "sms" && consent["status"] as? String == "withdrawn")
            #expect(consent["source"] as? String == "keyword")
            let held = try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"Are you there?"}"#)
            #expect(held.status == .conflict && held.text.contains("suppressed"))

            // HELP answers and changes nothing; with Advanced Opt-Out Twilio answers itself.
            let help = try await text("help", sid: "SM3")
            #expect(help.text.contains("<Message>Reply STOP to unsubscribe. Msg&amp;Data Rates May Apply.</Message>"))
            let handled = try await text("HELP", sid: "SM4", extra: "&OptOutType=HELP")
            #expect(!handled.text.contains("<Message>"))
            #expect(try await text("STOP+PLEASE", sid: "SM5").text.contains("<Message>") == false, "two words are an ordinary message")

            let start = try await text("START", sid: "SM6")
            #expect(start.text.contains("re-subscribed"))
            #expect(try await api.send(.post, "/api/v1/conversations/\(conversationID)/messages", json: #"{"text":"Welcome back"}"#).status == .created)
            try await api.runJobs()
            #expect(twilio.requests.count == 1)
            // START is a keyword only while the number is stopped; "Yes" now is an answer.
            let yes = try await text("Yes", sid: "SM7")
            #expect(!yes.text.contains("<Message>"))
            let answered = try #require(try await api.send(.get, "/api/v1/conversations/\(conversationID)/messages").object["data"] as? [[String: Any]])
            #expect(answered.last?["text"] as? String == "Yes")
            let marketing = try #require((try await api.send(.get, "/api/v1/customers/\(customerID)/consents").object["data"] as? [[String: Any]])?.first)
            #expect(marketing["status"] as? String == "withdrawn", "START lets messages through; it is not consent to marketing")
        }
    }
}
