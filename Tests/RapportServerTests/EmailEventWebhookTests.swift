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
        #expect(reports.map(\.kind) == [.hardBounce, .hardBounce, .complaint, .unsubscribe, .unsubscribe], "bounce, dropped (bounced address), spamreport, unsubscribe, group_unsubscribe")
        let blocked = try #require(SendGridEventWebhook.feedback(Array(try ChannelFixtures.text("event-webhook-blocked", "json", in: "sendgrid").utf8)))
        #expect(blocked.isEmpty, "a blocked message is not a hard bounce")

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
            #expect(response.status == .ok && response.object["applied"] as? Int == 5)
            let consent = try #require((try await api.send(.get, "/api/v1/customers/\(customer)/consents").object["data"] as? [[String: Any]])?.first)
            #expect(consent["status"] as? String == "withdrawn" && consent["source"] as? String == "provider")
            let suppressed = try await api.services.store.read { session in
                try await session.suppressions.reasons(channel: .email, address: "Example@Test.com", workspaceID: api.workspaceID)
            }
            #expect(Set(suppressed) == [.hardBounce, .complaint], "both holds, whatever the address's case")
        }
    }
}
