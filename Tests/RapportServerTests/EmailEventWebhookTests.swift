import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportTestSupport
import Testing

/// SendGrid's Event Webhook: signed with ECDSA; bounces and spam reports suppress the
/// address, spam reports and unsubscribes withdraw marketing e-mail.
@Suite("E-mail bounces and complaints")
struct EmailEventWebhookTests {
    /// SendGrid's published vector (fixtures/README.md).
    static let publishedKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g=="
    static let publishedTimestamp = "1600112502"
    static let publishedSignature = "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM="

    static func inbox(_ api: APIHarness, publicKey: String?) async throws -> Inbox {
        var settings = ["address": "news@shop.test", "smtp_host": "127.0.0.1", "inbound_token": "mta-token"]
        settings["sendgrid_event_public_key"] = publicKey
        return try await api.services.inboxes.createInbox(channel: .email, name: "News", settings: settings, as: .operator(workspaceID: api.workspaceID))
    }

    static func post(_ api: APIHarness, _ inboxID: String, body: [UInt8], timestamp: String, signature: String) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[HTTPField.Name("X-Twilio-Email-Event-Webhook-Signature")!] = signature
        headers[HTTPField.Name("X-Twilio-Email-Event-Webhook-Timestamp")!] = timestamp
        return try await api.client.execute(uri: "/webhooks/email/\(inboxID)/events", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    @Test("SendGrid's published vector verifies; its dropped bounced address is suppressed, even for service mail; a forged or unsigned batch changes nothing", arguments: TestDatabase.available)
    func publishedVector(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inbox = try await Self.inbox(api, publicKey: Self.publishedKey)
            let body = Array(try ChannelFixtures.text("event-webhook-signed-dropped", "body", in: "sendgrid").utf8)
            let customer = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"hello@world.com"}"#).object["id"] as? String)

            var altered = body
            altered[altered.count - 3] = UInt8(ascii: "3")
            #expect(try await Self.post(api, inbox.id, body: altered, timestamp: Self.publishedTimestamp, signature: Self.publishedSignature).status == .unauthorized)
            #expect(try await Self.post(api, inbox.id, body: body, timestamp: "1600112503", signature: Self.publishedSignature).status == .unauthorized)
            let unkeyed = try await Self.inbox(api, publicKey: nil)
            #expect(try await Self.post(api, unkeyed.id, body: body, timestamp: Self.publishedTimestamp, signature: Self.publishedSignature).status == .unauthorized)
            let before = try await api.send(.post, "/api/v1/conversations", json: """
                {"inbox_id":"\(inbox.id)","customer_id":"\(customer)","message":{"text":"Your order shipped"}}
                """)
            #expect(before.status == .created, "not suppressed yet")

            let accepted = try await Self.post(api, inbox.id, body: body, timestamp: Self.publishedTimestamp, signature: Self.publishedSignature)
            #expect(accepted.status == .ok && accepted.object["applied"] as? Int == 1)
            let after = try await api.send(.post, "/api/v1/conversations", json: """
                {"inbox_id":"\(inbox.id)","customer_id":"\(customer)","message":{"text":"Your order shipped"}}
                """)
            #expect(after.status == .conflict && after.text.contains("hard bounce"))
        }
    }

    @Test("every event of SendGrid's example batch: a bounce and a spam report suppress, a spam report and unsubscribes withdraw marketing e-mail, the rest is ignored", arguments: TestDatabase.available)
    func allEvents(database: TestDatabase) async throws {
        let reports = try #require(SendGridEventWebhook.feedback(Array(try ChannelFixtures.text("event-webhook-all-events", "json", in: "sendgrid").utf8)))
        #expect(
            reports.map(\.kind) == [.delivered, .hardBounce, .hardBounce, .complaint, .unsubscribe, .unsubscribe],
            "delivered, bounce, dropped (bounced address), spamreport, unsubscribe, group_unsubscribe")
        let blocked = try #require(SendGridEventWebhook.feedback(Array(try ChannelFixtures.text("event-webhook-blocked", "json", in: "sendgrid").utf8)))
        #expect(blocked.isEmpty, "a blocked message (the sender's IP or domain refused) says nothing about the address")

        try await APIHarness.run(on: database) { api in
            let key = P256.Signing.PrivateKey()
            let inbox = try await Self.inbox(api, publicKey: key.publicKey.derRepresentation.base64EncodedString())
            let customer = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"example@test.com"}"#).object["id"] as? String)
            // Granted before the example's events (December 2017), which then withdraw it.
            _ = try await api.send(.post, "/api/v1/customers/\(customer)/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted","source":"form","occurred_at":"2017-01-01T00:00:00Z"}"#)
            let body = Array(try ChannelFixtures.text("event-webhook-all-events", "json", in: "sendgrid").utf8)
            let timestamp = "1700000000"
            let signature = try key.signature(for: Data(timestamp.utf8) + Data(body)).derRepresentation.base64EncodedString()
            let response = try await Self.post(api, inbox.id, body: body, timestamp: timestamp, signature: signature)
            #expect(response.status == .ok && response.object["applied"] as? Int == 5, "the delivery names no campaign e-mail: it changes nothing")
            let consent = try #require((try await api.send(.get, "/api/v1/customers/\(customer)/consents").object["data"] as? [[String: Any]])?.first)
            #expect(consent["status"] as? String == "withdrawn" && consent["source"] as? String == "provider")
            let suppressed = try await api.services.store.read { session in
                try await session.suppressions.reasons(channel: .email, address: "Example@Test.com", workspaceID: api.workspaceID)
            }
            #expect(Set(suppressed) == [.hardBounce, .complaint], "both holds, whatever the address's case")
        }
    }

    /// The key the Mailgun fixtures verify with (fixtures/README.md).
    static let mailgunKey = "key-0p6mqbf74lb20gzq9f4dhpn9rg3zyk26"

    static func inbox(_ api: APIHarness, extra: [String: String]) async throws -> Inbox {
        let settings = ["address": "news@shop.test", "smtp_host": "127.0.0.1"].merging(extra) { _, new in new }
        return try await api.services.inboxes.createInbox(channel: .email, name: "News", settings: settings, as: .operator(workspaceID: api.workspaceID))
    }

    static func postJSON(_ api: APIHarness, _ inboxID: String, _ body: String, basic: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let basic { headers[.authorization] = "Basic " + Data(basic.utf8).base64EncodedString() }
        return try await api.client.execute(uri: "/webhooks/email/\(inboxID)/events", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func marketingEmail(_ api: APIHarness, _ customerID: String) async throws -> String? {
        let consents = try await api.send(.get, "/api/v1/customers/\(customerID)/consents").object["data"] as? [[String: Any]]
        return consents?.first { $0["purpose"] as? String == "marketing" && $0["channel"] as? String == "email" }?["status"] as? String
    }

    @Test("Mailgun's signed events: a permanent failure suppresses, a complaint withdraws; a forged signature or a replayed token changes nothing", arguments: TestDatabase.available)
    func mailgunEvents(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inbox = try await Self.inbox(api, extra: ["mailgun_signing_key": Self.mailgunKey])
            let failed = try ChannelFixtures.text("webhook-failed-permanent", "json", in: "mailgun")
            let complained = try ChannelFixtures.text("webhook-complained", "json", in: "mailgun")
            let alice = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"alice@example.com"}"#).object["id"] as? String)
            func write() async throws -> TestResponse {
                try await api.send(.post, "/api/v1/conversations", json: #"{"inbox_id":"\#(inbox.id)","customer_id":"\#(alice)","message":{"text":"Shipped"}}"#)
            }
            // The fixtures were signed in 2022: the clock is set to then (Mailgun's tokens are good for minutes).
            api.clock.advance(by: 1_661_590_700 - api.clock.now().timeIntervalSince1970)
            let forged = failed.replacingOccurrences(of: "a0cd251821d8fd56a2130b541becc8e441023574e602fe9829a9ab9fbfdea33f", with: String(repeating: "0", count: 64))
            #expect(try await Self.postJSON(api, inbox.id, forged).status == .unauthorized)
            let unkeyed = try await Self.inbox(api, extra: [:])
            #expect(try await Self.postJSON(api, unkeyed.id, failed).status == .unauthorized)
            #expect(try await write().status == .created, "not suppressed yet")

            let accepted = try await Self.postJSON(api, inbox.id, failed)
            #expect(accepted.status == .ok && accepted.object["applied"] as? Int == 1, "\(accepted.text)")
            #expect(try await Self.postJSON(api, inbox.id, failed).status == .unauthorized, "the same token again is a replay")
            let held = try await write()
            #expect(held.status == .conflict && held.text.contains("hard bounce"), "\(held.text)")

            // Granted before the complaint happened (its event is from 2018).
            try await api.send(.post, "/api/v1/customers/\(alice)/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted","source":"form","occurred_at":"2018-01-01T00:00:00Z"}"#)
            api.clock.advance(by: 1_661_621_480 - api.clock.now().timeIntervalSince1970)
            #expect(try await Self.postJSON(api, inbox.id, complained).status == .ok)
            #expect(try await Self.marketingEmail(api, alice) == "withdrawn", "a complaint withdraws marketing e-mail")
        }
    }

    @Test("Postmark's events need the inbox's Basic credentials: a hard bounce suppresses, a spam complaint withdraws, a suppressing subscription change holds", arguments: TestDatabase.available)
    func postmarkEvents(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inbox = try await Self.inbox(api, extra: ["postmark_basic_auth": "pm:s3cret"])
            let bounce = try ChannelFixtures.text("webhook-bounce-hard", "json", in: "postmark")
            let complaint = try ChannelFixtures.text("webhook-spam-complaint", "json", in: "postmark")
            let change = try ChannelFixtures.text("webhook-subscription-change", "json", in: "postmark")
            let john = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"john@example.com"}"#).object["id"] as? String)
            // Granted before the events happened (they carry their own times, from 2022).
            try await api.send(.post, "/api/v1/customers/\(john)/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted","source":"form","occurred_at":"2020-01-01T00:00:00Z"}"#)
            func write() async throws -> TestResponse {
                try await api.send(.post, "/api/v1/conversations", json: #"{"inbox_id":"\#(inbox.id)","customer_id":"\#(john)","message":{"text":"Shipped"}}"#)
            }
            #expect(try await Self.postJSON(api, inbox.id, bounce).status == .unauthorized, "no credentials")
            #expect(try await Self.postJSON(api, inbox.id, bounce, basic: "pm:wrong").status == .unauthorized)
            #expect(try await Self.postJSON(api, inbox.id, "not json", basic: "pm:s3cret").status == .badRequest)
            #expect(try await write().status == .created)

            #expect(try await Self.postJSON(api, inbox.id, complaint, basic: "pm:s3cret").object["applied"] as? Int == 1)
            #expect(try await Self.marketingEmail(api, john) == "withdrawn")
            #expect(try await write().status == .created, "a complaint holds only what needs consent")
            #expect(try await Self.postJSON(api, inbox.id, change, basic: "pm:s3cret").object["applied"] as? Int == 1)
            #expect(try await Self.postJSON(api, inbox.id, bounce, basic: "pm:s3cret").object["applied"] as? Int == 1)
            let held = try await write()
            #expect(held.status == .conflict && held.text.contains("hard bounce"), "\(held.text)")
        }
    }
}
