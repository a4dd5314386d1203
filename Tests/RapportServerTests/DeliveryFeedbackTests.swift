import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportTestSupport
import Testing

/// What providers' reports name and mean beyond the address: the message (its Message-ID, which
/// finds a campaign's send), soft bounces apart from hard ones, and auto-replies that are no
/// bounce at all (listmonk #1334 counted them as bounces).
@Suite("Delivery feedback: messages, soft bounces, auto-replies")
struct DeliveryFeedbackTests {
    @Test("each provider's report names its message as the send log keeps ids, where the provider knows it, and by the provider's own id; Mailgun's retries given up and Postmark's soft bounces are soft; a SendGrid block (the sender's reputation), a Mailgun temporary failure (retried) and an auto-responder are nothing")
    func providerReports() throws {
        let all = try #require(SendGridEventWebhook.feedback(Array(try ChannelFixtures.text("event-webhook-all-events", "json", in: "sendgrid").utf8)))
        #expect(all.allSatisfy { $0.messageID == "14c5d75ce93.dfd.64b469@ismtpd-555" }, "smtp-id, without its brackets")
        #expect(all.allSatisfy { $0.providerID == "sg_message_id" }, "sg_message_id")
        let blocked = try #require(SendGridEventWebhook.feedback(Array(try ChannelFixtures.text("event-webhook-blocked", "json", in: "sendgrid").utf8)))
        #expect(blocked.isEmpty, "refused for the sending IP's reputation: nothing about the address")

        let failed = try ChannelFixtures.text("webhook-failed-permanent", "json", in: "mailgun")
        let permanent = try #require(MailgunEventWebhook.read(Array(failed.utf8)))
        #expect(permanent.feedback.map(\.kind) == [.hardBounce])
        #expect(permanent.feedback.first?.messageID == "20130503192659.13651.20287@app.symfony.com")
        #expect(permanent.feedback.first?.providerID == "G9Bn5sl1TC6nu79C8C0bwg", "the event's id")
        let temporary = try #require(MailgunEventWebhook.read(Array(failed.replacingOccurrences(of: "\"permanent\"", with: "\"temporary\"").utf8)))
        #expect(temporary.feedback.isEmpty, "one failed try, which Mailgun retries (greylisting): nothing yet")
        let old = try #require(MailgunEventWebhook.read(Array(failed.replacingOccurrences(of: "\"reason\": \"bounce\"", with: "\"reason\": \"old\"").utf8)))
        #expect(old.feedback.map(\.kind) == [.softBounce], "retries given up: the address exists")

        let hard = try ChannelFixtures.text("webhook-bounce-hard", "json", in: "postmark")
        #expect(PostmarkWebhook.feedback(Array(hard.utf8)) == [DeliveryFeedback(
            kind: .hardBounce, address: "john@example.com", occurredAt: Timestamp.parse("2022-09-02T14:29:19.1234567Z"),
            providerID: "00000000-0000-0000-0000-000000000000")], "Postmark's MessageID is its own: no Message-ID, a provider id")
        #expect(PostmarkWebhook.feedback(Array(hard.replacingOccurrences(of: "\"HardBounce\"", with: "\"SoftBounce\"").utf8))?.map(\.kind) == [.softBounce])
        #expect(PostmarkWebhook.feedback(Array(hard.replacingOccurrences(of: "\"HardBounce\"", with: "\"AutoResponder\"").utf8))?.isEmpty == true)

        // A mail server that gave up on a temporary failure (4.x.x) reports a soft bounce.
        let dsn = try ChannelFixtures.text("rfc3464-failed-5.1.1", "eml", in: "dsn").replacingOccurrences(of: "Status: 5.1.1", with: "Status: 4.2.2")
        let report = try #require(DeliveryStatusReport.read(MIMEParser.parse(Array(dsn.utf8))))
        #expect(report.feedback == [DeliveryFeedback(kind: .softBounce, address: BounceMailTests.bouncedAddress)])
        #expect(DeliveryFeedback.normalizedMessageID(" <SND_01ABC@Shop.Test> ") == "snd_01abc@shop.test")
        #expect(DeliveryFeedback.normalizedMessageID("<>") == nil)
    }

    /// A draft campaign of the inbox, and a message of it sent to each address, written as the
    /// sender records it (`snd_…@shop.test`, lower case): the campaign and each address's send id.
    static func campaign(_ api: APIHarness, inboxID: String, addresses: [String]) async throws -> (id: String, sends: [String: String]) {
        // Segment names are unique in a workspace: one list per inbox here.
        let segment = try #require(try await api.send(.post, "/api/v1/segments", json: #"{"name":"Newsletter \#(inboxID)","kind":"list"}"#).object["id"] as? String)
        let created = try await api.send(.post, "/api/v1/campaigns", json: """
            {"name":"Autumn quills","channel":"email","inbox_id":"\(inboxID)","segment_id":"\(segment)","subject":"New quills","body":"Hello"}
            """)
        let campaignID = try #require(created.object["id"] as? String, "\(created.text)")
        var sends: [String: String] = [:]
        for address in addresses {
            let customer = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"\#(address)"}"#).object["id"] as? String)
            let now = api.clock.now()
            let id = ResourceID.make(.campaignSend, at: now)
            let send = CampaignSend(
                id: id, campaignID: campaignID, workspaceID: api.workspaceID, customerID: customer, status: .sent, address: address,
                providerMessageID: "\(id.lowercased())@shop.test", queuedAt: now, sentAt: now)
            _ = try await api.services.store.write { session in try await session.campaigns.insertSends([send]) }
            sends[address] = id
        }
        return (campaignID, sends)
    }

    static func stats(_ api: APIHarness, _ campaignID: String) async throws -> [String: Any] {
        try #require(try await api.send(.get, "/api/v1/campaigns/\(campaignID)").object["stats"] as? [String: Any])
    }

    /// A SendGrid batch of one event, signed with `key` as SendGrid signs.
    static func sendGrid(
        _ api: APIHarness, _ inboxID: String, key: P256.Signing.PrivateKey, event: String, email: String, smtpID: String
    ) async throws -> TestResponse {
        var fields: [String: Any] = [
            "email": email, "timestamp": 1_767_607_200, "smtp-id": smtpID, "event": event, "sg_event_id": "sg_event_id", "sg_message_id": "sg_message_id",
        ]
        if event == "bounce" { fields.merge(["type": "bounce", "status": "5.1.1", "reason": "550 5.1.1 The email account does not exist"]) { _, new in new } }
        let body = Array(try JSONSerialization.data(withJSONObject: [fields]))
        let timestamp = "1767607200"
        let signature = try key.signature(for: Data(timestamp.utf8) + Data(body)).derRepresentation.base64EncodedString()
        return try await EmailEventWebhookTests.post(api, inboxID, body: body, timestamp: timestamp, signature: signature)
    }

    @Test("a SendGrid bounce naming a campaign e-mail by its smtp-id marks that send bounced, a delivery marks one delivered; not for another address, nor for another inbox's campaign", arguments: TestDatabase.available)
    func marksCampaignSends(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let key = P256.Signing.PrivateKey()
            let publicKey = key.publicKey.derRepresentation.base64EncodedString()
            let inbox = try await EmailEventWebhookTests.inbox(api, publicKey: publicKey)
            let (campaignID, sends) = try await Self.campaign(api, inboxID: inbox.id, addresses: ["ana@example.com", "budi@example.co.id"])
            let ana = try #require(sends["ana@example.com"])
            let budi = try #require(sends["budi@example.co.id"])

            // Naming Ana's message for another address: suppressed as reported, but not her send.
            let stranger = try await Self.sendGrid(api, inbox.id, key: key, event: "bounce", email: "other@example.net", smtpID: "<\(ana)@shop.test>")
            #expect(stranger.status == .ok && stranger.object["applied"] as? Int == 1, "\(stranger.text)")
            #expect(try await Self.stats(api, campaignID)["bounced"] as? Int == 0)

            let delivered = try await Self.sendGrid(api, inbox.id, key: key, event: "delivered", email: "budi@example.co.id", smtpID: "<\(budi)@shop.test>")
            #expect(delivered.object["applied"] as? Int == 1, "\(delivered.text)")
            let unknown = try await Self.sendGrid(api, inbox.id, key: key, event: "delivered", email: "budi@example.co.id", smtpID: "<elsewhere@shop.test>")
            #expect(unknown.object["applied"] as? Int == 0, "a delivery of no campaign e-mail changes nothing")

            // SendGrid writes the id as the message carried it; any case finds it.
            let bounced = try await Self.sendGrid(api, inbox.id, key: key, event: "bounce", email: "Ana@Example.com", smtpID: "<\(ana.uppercased())@SHOP.TEST>")
            #expect(bounced.status == .ok && bounced.object["applied"] as? Int == 1, "\(bounced.text)")
            let stats = try await Self.stats(api, campaignID)
            #expect(stats["bounced"] as? Int == 1 && stats["delivered"] as? Int == 1 && stats["sent"] as? Int == 2, "\(stats)")
            let held = try await api.services.store.read { session in
                try await session.suppressions.reasons(channel: .email, address: "ana@example.com", workspaceID: api.workspaceID)
            }
            #expect(held == [.hardBounce])

            // Another inbox's campaign: its send is not this inbox's to mark.
            let other = try await EmailEventWebhookTests.inbox(api, publicKey: publicKey)
            let (otherCampaign, otherSends) = try await Self.campaign(api, inboxID: other.id, addresses: ["cara@example.com"])
            let cara = try #require(otherSends["cara@example.com"])
            _ = try await Self.sendGrid(api, inbox.id, key: key, event: "bounce", email: "cara@example.com", smtpID: "<\(cara)@shop.test>")
            #expect(try await Self.stats(api, otherCampaign)["bounced"] as? Int == 0)
            _ = try await Self.sendGrid(api, other.id, key: key, event: "bounce", email: "cara@example.com", smtpID: "<\(cara)@shop.test>")
            #expect(try await Self.stats(api, otherCampaign)["bounced"] as? Int == 1)
        }
    }

    /// An out-of-office reply to a campaign e-mail, as Outlook and most mail servers write one:
    /// `Auto-Submitted: auto-replied` (RFC 3834), threaded to the message, plain text.
    static func outOfOffice(answering messageID: String) -> String {
        """
        Return-Path: <ana@example.com>\r
        From: Ana Lima <ana@example.com>\r
        To: Shop News <news@shop.test>\r
        Subject: Automatic reply: New quills\r
        Date: Mon, 05 Jan 2026 10:00:05 +0100\r
        Message-ID: <AM9PR01MB7427.ooo.1@mail.example.com>\r
        In-Reply-To: <\(messageID)>\r
        References: <\(messageID)>\r
        Auto-Submitted: auto-replied\r
        X-Auto-Response-Suppress: All\r
        X-Autoreply: yes\r
        Precedence: auto_reply\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset="utf-8"\r
        Content-Transfer-Encoding: 8bit\r
        \r
        Thank you for your message. I am out of the office until 12 January with no access to\r
        e-mail, so your message will not be read or delivered to me before then.\r
        For anything urgent, please write to orders@example.com.\r
        \r
        Ana\r

        """
    }

    /// The same reply as Exchange writes it: `multipart/alternative`, `Auto-Submitted: auto-generated`.
    static func exchangeOutOfOffice(answering messageID: String) -> String {
        """
        From: Ana Lima <ana@example.com>\r
        To: news@shop.test\r
        Subject: Automatic reply: New quills\r
        Date: Mon, 05 Jan 2026 10:00:06 +0100\r
        Message-ID: <AM9PR01MB7427.ooo.2@mail.example.com>\r
        In-Reply-To: <\(messageID)>\r
        Auto-Submitted: auto-generated\r
        X-MS-Exchange-Inbox-Rules-Loop: ana@example.com\r
        MIME-Version: 1.0\r
        Content-Type: multipart/alternative; boundary="_000_AM9PR01MB7427_"\r
        \r
        --_000_AM9PR01MB7427_\r
        Content-Type: text/plain; charset="us-ascii"\r
        \r
        I am away until 12 January. Your message could not be answered; it will be dealt with on my return.\r
        \r
        --_000_AM9PR01MB7427_\r
        Content-Type: text/html; charset="us-ascii"\r
        \r
        <html><body><p>I am away until 12 January. Your message could not be answered; it will be dealt with on my return.</p></body></html>\r
        \r
        --_000_AM9PR01MB7427_--\r

        """
    }

    @Test("an out-of-office reply to a campaign e-mail is a message, never a bounce: nothing is suppressed and the send is not marked", arguments: TestDatabase.available)
    func autoReplyIsNoBounce(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let inbox = try await EmailEventWebhookTests.inbox(api, publicKey: nil)
            let (campaignID, sends) = try await Self.campaign(api, inboxID: inbox.id, addresses: ["ana@example.com"])
            let ana = try #require(sends["ana@example.com"])
            let messageID = "\(ana.lowercased())@shop.test"
            for mail in [Self.outOfOffice(answering: messageID), Self.exchangeOutOfOffice(answering: messageID)] {
                #expect(DeliveryStatusReport.read(MIMEParser.parse(Array(mail.utf8))) == nil)
                let response = try await EmailChannelTests.postRaw(api, inboxID: inbox.id, mail, token: "mta-token")
                #expect(response.status == .ok && response.object["stored"] as? Int == 1, "\(response.text)")
                #expect(response.object["delivery_report"] == nil)
            }
            let held = try await api.services.store.read { session in
                try await session.suppressions.reasons(channel: .email, address: "ana@example.com", workspaceID: api.workspaceID)
            }
            #expect(held.isEmpty)
            let stats = try await Self.stats(api, campaignID)
            #expect(stats["bounced"] as? Int == 0 && stats["sent"] as? Int == 1, "\(stats)")
        }
    }
}
