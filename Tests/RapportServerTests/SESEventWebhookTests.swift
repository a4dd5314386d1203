import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportTestSupport
import Testing
import _CryptoExtras

/// Amazon SES's events through an SNS subscription, on the inbox's event webhook: the topic must
/// be the inbox's, the certificate SNS's own, the RSA signature good, the message fresh and new;
/// a permanent bounce and a complaint suppress at once, a transient bounce only the third
/// message's within 30 days, and then only what needs consent.
@Suite("Amazon SES events through SNS")
struct SESEventWebhookTests {
    /// The signed fixture's topic and certificate (fixtures/README.md).
    static let fixtureTopic = "arn:aws:sns:us-east-1:364852123998:test-email"
    static let fixtureCertificateURL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem"
    /// A moment after SNS sent the fixture, while its certificate was valid (to 2022-08-17).
    static let fixtureSentAt: TimeInterval = 1_648_512_033
    /// 2021-09-06T00:00:00Z, the day before the certificate's notBefore, and
    /// 2022-08-18T00:00:00Z, the second after its notAfter (23:59:59 on 2022-08-17).
    static let certificateNotYetValidAt: TimeInterval = 1_630_886_400
    static let certificateExpiredAt: TimeInterval = 1_660_780_800

    /// What the tests sign themselves with the test key (`Fixtures/ses/test-signer-*.pem`).
    static let testTopic = "arn:aws:sns:eu-west-1:111122223333:rapport-ses"
    static let testCertificateURL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem"

    static func fakeSNS() throws -> FakeSNS {
        FakeSNS(certificates: [
            fixtureCertificateURL: try ChannelFixtures.text("sns-signing-cert-7ff5318490ec183fbaddaa2a969abfda", "pem", in: "ses"),
            testCertificateURL: try ChannelFixtures.text("test-signer-cert", "pem", in: "ses"),
        ])
    }

    static func inbox(_ api: APIHarness, topic: String?) async throws -> Inbox {
        var settings = ["address": "news@shop.test", "smtp_host": "127.0.0.1"]
        settings["ses_sns_topic_arn"] = topic
        return try await api.services.inboxes.createInbox(channel: .email, name: "News", settings: settings, as: .operator(workspaceID: api.workspaceID))
    }

    static func post(_ api: APIHarness, _ inboxID: String, _ body: String, type: String = "Notification") async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=UTF-8"
        headers[HTTPField.Name("x-amz-sns-message-type")!] = type
        return try await api.client.execute(uri: "/webhooks/email/\(inboxID)/events", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// An SNS message as SNS writes it, sent at `sentAt` (its `Timestamp`) with a new
    /// `MessageId`, signed with SignatureVersion 2 (SHA256withRSA) by the test key over the
    /// fields in AWS's documented order.
    static func signed(
        type: String = "Notification", message: String, at sentAt: Date, topic: String = testTopic, certificateURL: String = testCertificateURL,
        subscribeURL: String? = nil
    ) throws -> String {
        var fields = [
            "Type": type, "MessageId": UUID().uuidString.lowercased(), "TopicArn": topic, "Message": message,
            "Timestamp": Timestamp.iso8601(sentAt), "SignatureVersion": "2", "SigningCertURL": certificateURL,
        ]
        let order: [String]
        if type == "Notification" {
            order = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
        } else {
            fields["SubscribeURL"] = subscribeURL
            fields["Token"] = "2336412f37fb687f5d51e6e2425c464de257d8d6"
            order = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"]
        }
        let text = order.compactMap { field in fields[field].map { "\(field)\n\($0)\n" } }.joined()
        let key = try _RSA.Signing.PrivateKey(pemRepresentation: try ChannelFixtures.text("test-signer-key", "pem", in: "ses"))
        let signature = try key.signature(for: SHA256.hash(data: Data(text.utf8)), padding: .insecurePKCS1v1_5)
        fields["Signature"] = signature.rawRepresentation.base64EncodedString()
        return String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }

    /// SES's own id of the message in `bounce` unless a test names another.
    static let sesMessageID = "0100018f00000000-ses-own-id-000000"

    /// An SES bounce notification of `type` (and `subType`) for one message to one address: the
    /// message named by its `Message-ID` (none when nil: the identity's notifications leave the
    /// original headers out) and by SES's own id (none when nil).
    static func bounce(
        _ type: String, to address: String, messageID: String?, subType: String = "MailboxFull", sesMessageID: String? = SESEventWebhookTests.sesMessageID
    ) -> String {
        let headers = messageID.map { #"[{"name":"Message-ID","value":"<\#($0)>"}]"# } ?? "[]"
        let common = messageID.map { #"{"messageId":"<\#($0)>"}"# } ?? "{}"
        let sesID = sesMessageID.map { #""messageId":"\#($0)","# } ?? ""
        return """
            {"notificationType":"Bounce","bounce":{"bounceType":"\(type)","bounceSubType":"\(subType)","bouncedRecipients":[{"emailAddress":"\(address)",\
            "status":"4.2.2","action":"failed","diagnosticCode":"smtp; 452 4.2.2 Mailbox full"}],"timestamp":"2026-01-05T10:00:00.000Z",\
            "feedbackId":"0100018f00000000-00000000-0000-0000-0000-000000000000-000000"},"mail":{"timestamp":"2026-01-05T09:59:58.000Z",\
            "source":"news@shop.test",\(sesID)"destination":["\(address)"],"headersTruncated":false,\
            "headers":\(headers),"commonHeaders":\(common)}}
            """
    }

    static func reasons(_ api: APIHarness, _ address: String) async throws -> Set<SuppressionReason> {
        Set(try await api.services.store.read { session in
            try await session.suppressions.reasons(channel: .email, address: address, workspaceID: api.workspaceID)
        })
    }

    @Test("SES's notifications read as AWS documents them: a permanent bounce of its recipient, naming the message by its Message-ID header and SES's id; a complaint; a transient bounce, unless the message itself was refused; a delivery; the rest says nothing")
    func readsNotifications() throws {
        let bounce = try #require(SESNotification.feedback(try ChannelFixtures.text("message-bounce-permanent-with-dsn", "json", in: "ses")))
        #expect(bounce == [DeliveryFeedback(
            kind: .hardBounce, address: "jane@example.com", occurredAt: Timestamp.parse("2016-01-27T14:59:38.237Z"), messageID: "custom-message-ID",
            providerID: "00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000")])
        #expect(bounce.first?.messageID == "custom-message-id", "as the send log keeps ids: lower case, no brackets")

        let envelope = try #require(SNSMessage.read(Array(try ChannelFixtures.text("sns-event-complaint-signed", "json", in: "ses").utf8)))
        #expect(envelope.type == .notification && envelope.subject == "Amazon SES Email Event Notification" && envelope.topicARN == Self.fixtureTopic)
        // The canonical string the fixtures' README gives: 1658 bytes, SHA-1 1c054bf2….
        #expect(envelope.stringToSign.utf8.count == 1658)
        #expect(Insecure.SHA1.hash(data: Data(envelope.stringToSign.utf8)).map { String(format: "%02x", $0) }.joined() == "1c054bf2e9577387f831b7cd27dea2242379836b")
        let complaint = try #require(SESNotification.feedback(envelope.message))
        #expect(complaint.map(\.kind) == [.complaint] && complaint.first?.address == "complaint@simulator.amazonses.com")
        #expect(complaint.first?.messageID == "0100017fd2f875c4-c2929163-2767-49b1-8513-1a29e428e134-000000", "from commonHeaders when no header is listed")

        #expect(SESNotification.feedback(Self.bounce("Transient", to: "mary@example.com", messageID: "A@shop.test"))
            == [DeliveryFeedback(
                kind: .softBounce, address: "mary@example.com", occurredAt: Timestamp.parse("2026-01-05T10:00:00.000Z"), messageID: "a@shop.test",
                providerID: Self.sesMessageID)])
        #expect(SESNotification.feedback(Self.bounce("Undetermined", to: "mary@example.com", messageID: "b@shop.test"))?.map(\.kind) == [.softBounce])
        for subType in ["MailboxFull", "General"] {
            #expect(SESNotification.feedback(Self.bounce("Transient", to: "mary@example.com", messageID: "c@shop.test", subType: subType))?.map(\.kind) == [.softBounce], "\(subType)")
        }
        // The receiving server refused this message (its content, an attachment, its size): nothing about the mailbox.
        for subType in ["ContentRejected", "AttachmentRejected", "MessageTooLarge"] {
            #expect(SESNotification.feedback(Self.bounce("Transient", to: "mary@example.com", messageID: "c@shop.test", subType: subType))?.isEmpty == true, "\(subType)")
        }
        // SES's own id of the message names the report; without one, the SNS message's id does.
        #expect(SESNotification.feedback(Self.bounce("Transient", to: "mary@example.com", messageID: nil), snsMessageID: "sns-1")?.first?.providerID == Self.sesMessageID)
        let bare = try #require(SESNotification.feedback(Self.bounce("Transient", to: "mary@example.com", messageID: nil, sesMessageID: nil), snsMessageID: "sns-1"))
        #expect(bare.map(\.kind) == [.softBounce] && bare.first?.messageID == nil && bare.first?.providerID == "sns-1")
        let delivery = #"{"eventType":"Delivery","mail":{"headers":[{"name":"Message-ID","value":"<snd_1@shop.test>"}]},"delivery":{"timestamp":"2026-01-05T10:00:01.000Z","recipients":["ana@example.com"]}}"#
        #expect(SESNotification.feedback(delivery)?.map(\.kind) == [.delivered] && SESNotification.feedback(delivery)?.first?.messageID == "snd_1@shop.test")
        #expect(SESNotification.feedback(#"{"eventType":"DeliveryDelay","delayType":"MailboxFull"}"#)?.isEmpty == true)
        #expect(SESNotification.feedback(#"{"notificationType":"Complaint","complaint":{"complaintFeedbackType":"not-spam","complainedRecipients":[{"emailAddress":"a@b.c"}]}}"#)?.isEmpty == true)
        #expect(SESNotification.feedback("Hello from another publisher") == nil)
    }

    @Test("SES's signed complaint (SignatureVersion 1, SNS's certificate) suppresses the complainant and withdraws marketing; one byte changed, or a certificate out of date, is a 401 that changes nothing", arguments: TestDatabase.available)
    func signedComplaint(database: TestDatabase) async throws {
        let sns = try Self.fakeSNS()
        try await APIHarness.run(on: database, sns: sns) { api in
            // The clock only moves forward: the webhook rate limit's bucket for the inbox would
            // otherwise be years in debt (429). It starts the day before the certificate's
            // validity (2021-09-07 to 2022-08-17), so everything below happens in its time.
            api.clock.advance(by: Self.certificateNotYetValidAt - api.clock.now().timeIntervalSince1970)
            let inbox = try await Self.inbox(api, topic: Self.fixtureTopic)
            let body = try ChannelFixtures.text("sns-event-complaint-signed", "json", in: "ses")
            let customer = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"complaint@simulator.amazonses.com"}"#).object["id"] as? String)
            let granted = try await api.send(.post, "/api/v1/customers/\(customer)/consents", json: #"{"purpose":"marketing","channel":"email","status":"granted","source":"form","occurred_at":"2021-01-01T00:00:00Z"}"#)
            #expect(granted.status == .created, "\(granted.text)")
            #expect(try await EmailEventWebhookTests.marketingEmail(api, customer) == "granted")

            // The route answers one 401 for a bad signature and a certificate out of its dates.
            let early = try await Self.post(api, inbox.id, body)
            #expect(early.status == .unauthorized && early.text.contains("SNS signature"), "the certificate is valid from 2021-09-07: \(early.text)")
            #expect(try await Self.reasons(api, "complaint@simulator.amazonses.com").isEmpty)

            api.clock.advance(by: Self.fixtureSentAt - api.clock.now().timeIntervalSince1970)
            let altered = body.replacingOccurrences(of: "Mailbox Simulator", with: "Mailbox Simulatos")
            #expect(altered != body)
            let refused = try await Self.post(api, inbox.id, altered)
            #expect(refused.status == .unauthorized && refused.text.contains("SNS signature"), "\(refused.text)")
            #expect(try await Self.reasons(api, "complaint@simulator.amazonses.com").isEmpty)
            #expect(try await EmailEventWebhookTests.marketingEmail(api, customer) == "granted")

            let accepted = try await Self.post(api, inbox.id, body)
            #expect(accepted.status == .ok && accepted.object["applied"] as? Int == 1, "\(accepted.text)")
            #expect(try await Self.reasons(api, "complaint@simulator.amazonses.com") == [.complaint])
            #expect(try await EmailEventWebhookTests.marketingEmail(api, customer) == "withdrawn")

            api.clock.advance(by: Self.certificateExpiredAt - api.clock.now().timeIntervalSince1970)
            let expired = try await Self.post(api, inbox.id, body)
            #expect(expired.status == .unauthorized && expired.text.contains("SNS signature"), "the certificate ran out on 2022-08-17: \(expired.text)")
            #expect(Set(sns.fetched) == [Self.fixtureCertificateURL])
        }
    }

    @Test("a SigningCertURL anywhere but Amazon SNS's own hosts is a 401 before anything is fetched", arguments: TestDatabase.available)
    func certificateElsewhere(database: TestDatabase) async throws {
        let sns = try Self.fakeSNS()
        try await APIHarness.run(on: database, sns: sns) { api in
            let inbox = try await Self.inbox(api, topic: Self.fixtureTopic)
            api.clock.advance(by: Self.fixtureSentAt - api.clock.now().timeIntervalSince1970)
            let body = try ChannelFixtures.text("sns-event-complaint-signed", "json", in: "ses")
            #expect(body.contains(Self.fixtureCertificateURL))
            let name = "SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem"
            // SigningCertURL is not signed: the signature still verifies, the URL alone is refused.
            for url in [
                "https://sns.us-east-1.amazonaws.com.evil.example/\(name)", "http://sns.us-east-1.amazonaws.com/\(name)",
                "https://sns.us-east-1.amazonaws.com@169.254.169.254/\(name)", "https://sns.us-east-1.amazonaws.com:8443/\(name)",
                "https://169.254.169.254/latest/meta-data/iam/security-credentials/", "https://evil.example/\(name)",
                // Buckets named "sns" on S3: anyone may own one and serve a certificate from it over https.
                "https://sns.s3.amazonaws.com/\(name)", "https://sns.s3-us-west-2.amazonaws.com/\(name)", "https://sns.s3-external-1.amazonaws.com/\(name)",
            ] {
                let response = try await Self.post(api, inbox.id, body.replacingOccurrences(of: Self.fixtureCertificateURL, with: url))
                #expect(response.status == .unauthorized && response.text.contains("SigningCertURL"), "\(url): \(response.text)")
            }
            #expect(sns.fetched.isEmpty, "nothing was fetched")
            #expect(try await Self.reasons(api, "complaint@simulator.amazonses.com").isEmpty)
        }
    }

    @Test("a message of another SNS topic is refused (403), one to an inbox without ses_sns_topic_arn too (401), and one whose Type is not its header's (400); nothing is fetched", arguments: TestDatabase.available)
    func otherTopic(database: TestDatabase) async throws {
        let sns = try Self.fakeSNS()
        try await APIHarness.run(on: database, sns: sns) { api in
            api.clock.advance(by: Self.fixtureSentAt - api.clock.now().timeIntervalSince1970)
            let body = try ChannelFixtures.text("sns-event-complaint-signed", "json", in: "ses")
            let other = try await Self.inbox(api, topic: "arn:aws:sns:us-east-1:364852123998:another-topic")
            #expect(try await Self.post(api, other.id, body).status == .forbidden)
            let unset = try await Self.inbox(api, topic: nil)
            let refused = try await Self.post(api, unset.id, body)
            #expect(refused.status == .unauthorized && refused.text.contains("ses_sns_topic_arn"))
            let right = try await Self.inbox(api, topic: Self.fixtureTopic)
            #expect(try await Self.post(api, right.id, body, type: "SubscriptionConfirmation").status == .badRequest)
            #expect(sns.fetched.isEmpty)
            #expect(try await Self.reasons(api, "complaint@simulator.amazonses.com").isEmpty)
        }
    }

    @Test("a permanent bounce suppresses at once; a transient one counts once per message (its Message-ID, else SES's id of it), however often it is reported, and three within 30 days suppress what needs consent (soft_bounce), not service mail; a delivery to the address clears them", arguments: TestDatabase.available)
    func bounces(database: TestDatabase) async throws {
        let sns = try Self.fakeSNS()
        try await APIHarness.run(on: database, sns: sns) { api in
            let inbox = try await Self.inbox(api, topic: Self.testTopic)
            let mary = try #require(try await api.send(.post, "/api/v1/customers", json: #"{"email":"mary@example.com"}"#).object["id"] as? String)
            func write() async throws -> TestResponse {
                try await api.send(.post, "/api/v1/conversations", json: #"{"inbox_id":"\#(inbox.id)","customer_id":"\#(mary)","message":{"text":"Shipped"}}"#)
            }
            // Each report is another SNS message (its own MessageId), as when SES reports one message's bounce again.
            func transient(_ messageID: String?, ses sesMessageID: String? = SESEventWebhookTests.sesMessageID) async throws -> TestResponse {
                let bounce = Self.bounce("Transient", to: "mary@example.com", messageID: messageID, sesMessageID: sesMessageID)
                return try await Self.post(api, inbox.id, try Self.signed(message: bounce, at: api.clock.now()))
            }
            func delivered() async throws -> TestResponse {
                let delivery = #"{"eventType":"Delivery","mail":{"messageId":"0100018f00000000-ses-delivered-\#(UUID().uuidString)"},"delivery":{"timestamp":"2026-01-05T10:00:01.000Z","recipients":["mary@example.com"]}}"#
                return try await Self.post(api, inbox.id, try Self.signed(message: delivery, at: api.clock.now()))
            }
            func reasons() async throws -> Set<SuppressionReason> { try await Self.reasons(api, "mary@example.com") }

            let permanent = try ChannelFixtures.text("message-bounce-permanent-with-dsn", "json", in: "ses")
            let hard = try await Self.post(api, inbox.id, try Self.signed(message: permanent, at: api.clock.now()))
            #expect(hard.status == .ok && hard.object["applied"] as? Int == 1, "\(hard.text)")
            #expect(try await Self.reasons(api, "jane@example.com") == [.hardBounce])

            let first = try await transient("m1@shop.test")
            #expect(first.status == .ok && first.object["applied"] as? Int == 1, "\(first.text)")
            for _ in 1...3 {
                let again = try await transient("m1@shop.test")
                #expect(again.status == .ok, "\(again.text)")
            }
            #expect(try await reasons().isEmpty, "four reports of one message (one Message-ID) count once")
            // No Message-ID (notifications without the original headers): SES's id of the message is one all the same.
            for _ in 1...3 {
                let again = try await transient(nil, ses: "0100018f00000000-ses-own-id-000001")
                #expect(again.status == .ok, "\(again.text)")
            }
            #expect(try await reasons().isEmpty, "three reports of one message without a Message-ID count once: two messages so far")
            #expect(try await write().status == .created, "not suppressed after two messages' soft bounces")

            api.clock.advance(by: 31 * 86_400)
            _ = try await transient("m2@shop.test")
            _ = try await transient("m3@shop.test")
            #expect(try await reasons().isEmpty, "the bounces of a month ago no longer count: two so far")
            _ = try await transient("m4@shop.test")
            #expect(try await reasons() == [.softBounce])
            let answered = try await write()
            #expect(answered.status == .created, "an order update still goes to a mailbox that was full three times: \(answered.text)")

            // The mailbox took a message: its soft bounces are forgotten and the suppression lifted.
            let took = try await delivered()
            #expect(took.status == .ok && took.object["applied"] as? Int == 1, "\(took.text)")
            #expect(try await reasons().isEmpty)
            let nothing = try await delivered()
            #expect(nothing.status == .ok && nothing.object["applied"] as? Int == 0, "a delivery to an address with nothing to clear changes nothing")

            // Three messages without a Message-ID, each with its own SES id, are three.
            for index in 1...3 { _ = try await transient(nil, ses: "0100018f00000000-ses-own-id-00010\(index)") }
            #expect(try await reasons() == [.softBounce], "counted again from nothing after the delivery")
            #expect(Set(sns.fetched) == [Self.testCertificateURL])
        }
    }

    @Test("a soft_bounce suppression holds messages for a purpose, but not service messages: an order update still goes")
    func softBounceHoldsOnlyPurposes() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(!SuppressionReason.softBounce.holdsServiceMessages && SuppressionReason.hardBounce.holdsServiceMessages)
        #expect(ConsentGate.decide(purpose: nil, channel: .email, consents: [], preferences: nil, suppressions: [.softBounce], now: now) == .send)
        guard case .suppressed(let reason) = ConsentGate.decide(
            purpose: .marketing, channel: .email, consents: [], preferences: nil, suppressions: [.softBounce], now: now)
        else {
            Issue.record("a soft_bounce suppression let marketing through")
            return
        }
        #expect(reason.contains("soft bounce"))
    }

    @Test("an SNS message is taken once: SNS's retry of one already applied is answered 200 and applies nothing; one that failed (SNS down, a 502) is applied when SNS retries it; one older than 15 minutes, or over 5 minutes ahead, is a 401 that changes nothing", arguments: TestDatabase.available)
    func replays(database: TestDatabase) async throws {
        let sns = try Self.fakeSNS()
        try await APIHarness.run(on: database, sns: sns) { api in
            let inbox = try await Self.inbox(api, topic: Self.testTopic)
            let permanent = try ChannelFixtures.text("message-bounce-permanent-with-dsn", "json", in: "ses")

            let stale = try await Self.post(api, inbox.id, try Self.signed(message: permanent, at: api.clock.now().addingTimeInterval(-16 * 60)))
            #expect(stale.status == .unauthorized && stale.text.contains("15 minutes"), "\(stale.text)")
            let ahead = try await Self.post(api, inbox.id, try Self.signed(message: permanent, at: api.clock.now().addingTimeInterval(10 * 60)))
            #expect(ahead.status == .unauthorized && ahead.text.contains("ahead"), "\(ahead.text)")
            #expect(try await Self.reasons(api, "jane@example.com").isEmpty)

            // SNS's certificate cannot be had: a 502, which SNS retries with the same message.
            let body = try Self.signed(message: permanent, at: api.clock.now())
            sns.failNextFetches(1)
            let failed = try await Self.post(api, inbox.id, body)
            #expect(failed.status == .badGateway, "\(failed.text)")
            #expect(try await Self.reasons(api, "jane@example.com").isEmpty)
            api.clock.advance(by: 20)
            let retried = try await Self.post(api, inbox.id, body)
            #expect(retried.status == .ok && retried.object["applied"] as? Int == 1, "\(retried.text)")
            #expect(try await Self.reasons(api, "jane@example.com") == [.hardBounce])

            // The answer was lost on the way back and SNS delivers the message again: taken, not applied twice.
            api.clock.advance(by: 20)
            let again = try await Self.post(api, inbox.id, body)
            #expect(again.status == .ok && again.object["applied"] as? Int == 0, "\(again.text)")
            api.clock.advance(by: 15 * 60)
            let late = try await Self.post(api, inbox.id, body)
            #expect(late.status == .unauthorized && late.text.contains("15 minutes"), "\(late.text)")
        }
    }

    @Test("a good signature under a certificate not issued to Amazon SNS (its subject another name, no SNS alternative name) is a 401 that changes nothing", arguments: TestDatabase.available)
    func certificateOfAnotherName(database: TestDatabase) async throws {
        let wrongName = try ChannelFixtures.text("test-signer-cert-wrong-name", "pem", in: "ses")
        let snsNamed = try ChannelFixtures.text("test-signer-cert", "pem", in: "ses")
        let sns = FakeSNS(certificates: [Self.testCertificateURL: wrongName])
        try await APIHarness.run(on: database, sns: sns) { api in
            let inbox = try await Self.inbox(api, topic: Self.testTopic)
            let body = try Self.signed(message: try ChannelFixtures.text("message-bounce-permanent-with-dsn", "json", in: "ses"), at: api.clock.now())
            let message = try #require(SNSMessage.read(Array(body.utf8)))
            let now = api.clock.now()
            #expect(message.isValidSignature(certificatePEM: snsNamed, at: now), "the same key in a certificate issued to sns.amazonaws.com")
            #expect(!message.isValidSignature(certificatePEM: wrongName, at: now))

            let refused = try await Self.post(api, inbox.id, body)
            #expect(refused.status == .unauthorized && refused.text.contains("SNS signature"), "\(refused.text)")
            #expect(try await Self.reasons(api, "jane@example.com").isEmpty)
            #expect(sns.fetched == [Self.testCertificateURL])
        }
    }

    @Test("a subscription is confirmed by a GET of its SubscribeURL on SNS (through the SNS client); one elsewhere is a 422 and not called; an unsubscribe confirmation changes nothing", arguments: TestDatabase.available)
    func subscription(database: TestDatabase) async throws {
        let sns = try Self.fakeSNS()
        try await APIHarness.run(on: database, sns: sns) { api in
            let inbox = try await Self.inbox(api, topic: Self.testTopic)
            let words = "You have chosen to subscribe to the topic \(Self.testTopic).\nTo confirm the subscription, visit the SubscribeURL included in this message."
            let url = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=\(Self.testTopic)&Token=2336412f37fb687f5d51e6e2425c464de257d8d6"
            let confirmed = try await Self.post(
                api, inbox.id, try Self.signed(type: "SubscriptionConfirmation", message: words, at: api.clock.now(), subscribeURL: url),
                type: "SubscriptionConfirmation")
            #expect(confirmed.status == .ok && confirmed.object["confirmed"] as? Bool == true, "\(confirmed.text)")
            #expect(sns.confirmed == [url])

            let elsewhere = try await Self.post(
                api, inbox.id,
                try Self.signed(type: "SubscriptionConfirmation", message: words, at: api.clock.now(), subscribeURL: "https://evil.example/?Action=ConfirmSubscription"),
                type: "SubscriptionConfirmation")
            #expect(elsewhere.status == .unprocessableContent && elsewhere.text.contains("AWS console"), "\(elsewhere.text)")
            #expect(sns.confirmed == [url])

            let goodbye = try await Self.post(
                api, inbox.id, try Self.signed(type: "UnsubscribeConfirmation", message: "You have unsubscribed.", at: api.clock.now(), subscribeURL: url),
                type: "UnsubscribeConfirmation")
            #expect(goodbye.status == .ok && goodbye.object["confirmed"] as? Bool == false)
            #expect(sns.confirmed == [url])
        }
    }
}
