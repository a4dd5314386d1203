import Foundation
import HummingbirdTesting
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

@Suite("Inbox set-up and agent actions refuse bad input")
struct InboxBadInputTests {
    @Test("wrong inbox settings, replies, snoozes, assignments, canned codes and SLA hours get clear 4xx answers and change nothing", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let missing = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"whatsapp","name":"WA","settings":{"phone_number_id":"1"}}"#)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("settings.access_token"))
            #expect(missing.text.contains("settings.app_secret"))
            let unknown = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"store","name":"Shop","settings":{"smtp_host":"x"}}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("settings.smtp_host"))
            let channel = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"fax","name":"Fax"}"#)
            #expect(channel.status == .unprocessableContent)
            #expect((try await api.send(.get, "/api/v1/inboxes").object["data"] as? [Any])?.isEmpty == true)
            #expect(try await api.send(.post, "/webhooks/whatsapp/inb_01M86CQHZ4T1VX2681S1J31B8R", json: "{}").status == .notFound)
            #expect(try await api.send(.post, "/webhooks/whatsapp/not-an-id", json: "{}").status == .notFound)
            _ = try await api.send(.post, "/api/v1/agents", json: #"{"name":"Ana","email":"ana@shop.test"}"#)
            let twice = try await api.send(.post, "/api/v1/agents", json: #"{"name":"Ana","email":"ANA@shop.test"}"#)
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("exists already"))

            let inbox = try await api.services.inboxes.createInbox(
                channel: .sms, name: "SMS", settings: ["account_sid": "AC1", "auth_token": "tok", "phone_number": "+18005551212"],
                as: .operator(workspaceID: api.workspaceID))
            _ = try await MetaAndTwilioChannelTests.postTwilio(
                api, path: "/webhooks/twilio/sms/\(inbox.id)", form: "MessageSid=SMbad1&From=%2B14158675309&Body=Hi", token: "tok")
            let conversationID = try #require(
                (try await api.send(.get, "/api/v1/conversations").object["data"] as? [[String: Any]])?.first?["id"] as? String)
            let base = "/api/v1/conversations/\(conversationID)"
            #expect(try await api.send(.post, base + "/messages", json: #"{"text":""}"#).status == .unprocessableContent)
            #expect(try await api.send(.post, base + "/messages", json: #"{}"#).status == .unprocessableContent)
            #expect(try await api.send(.post, base + "/messages", json: #"{"text":"hi","color":"red"}"#).status == .unprocessableContent)
            #expect(try await api.send(.post, base + "/messages", json: #"{"template":{"name":"x","language":"en"}}"#).status == .unprocessableContent)
            #expect(try await api.send(.post, base + "/snooze", json: #"{"until":"2001-01-01T00:00:00Z"}"#).status == .unprocessableContent)
            #expect(try await api.send(.post, base + "/assign", json: #"{"assignee_id":"usr_01M86CQHZ4T1VX2681S1J31B8R"}"#).status == .unprocessableContent)
            #expect(try await api.send(.post, base + "/reopen").status == .conflict)
            #expect(try await api.send(.post, "/api/v1/conversations/cnv_01M86CQHZ4T1VX2681S1J31B8R/resolve").status == .notFound)
            let messages = try #require(try await api.send(.get, base + "/messages").object["data"] as? [[String: Any]])
            #expect(messages.count == 1)
            let conversation = try await api.send(.get, base).object
            #expect(conversation["status"] as? String == "open")
            #expect(conversation["assignee_id"] is NSNull)

            #expect(try await api.send(.post, "/api/v1/canned_responses", json: #"{"short_code":"hi","content":"Hello"}"#).status == .created)
            #expect(try await api.send(.post, "/api/v1/canned_responses", json: #"{"short_code":"HI","content":"Again"}"#).status == .conflict)
            let hours = try await api.send(.post, "/api/v1/sla_policies", json: """
                {"name":"Bad","first_response_seconds":3600,"business_hours":{"time_zone":"Mars/Olympus","days":{"mon":["09:00","17:00"]}}}
                """)
            #expect(hours.status == .unprocessableContent)
            #expect(hours.text.contains("business_hours.time_zone"))
            #expect((try await api.send(.get, "/api/v1/sla_policies").object["data"] as? [Any])?.isEmpty == true)
        }
    }
}
