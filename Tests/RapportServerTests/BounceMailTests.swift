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

/// Bounces mailed back to the e-mail inbox (RFC 3464): a permanent failure of a message this
/// inbox sent suppresses that address; a made-up bounce, a delay or a bounce of another
/// address changes nothing; none becomes a conversation.
@Suite("Bounce mails (RFC 3464)")
struct BounceMailTests {
    static let bouncedAddress = "userunknown@bouncehammer.jp"
    static let quotedMessageID = "E1C50F1B-1C83-4820-BC36-AC6FBFBE8568@example.org"

    @Test("the real reports read as RFC 3464 says: a failed 5.1.1 with the returned message's id; a delay that is no bounce")
    func parsesTheFixtures() throws {
        let failed = try #require(DeliveryStatusReport.read(MIMEParser.parse(Array(try ChannelFixtures.text("rfc3464-failed-5.1.1", "eml", in: "dsn").utf8))))
        #expect(failed.recipients.map(\.address) == [Self.bouncedAddress])
        #expect(failed.recipients.first?.action == "failed" && failed.recipients.first?.status == "5.1.1")
        #expect(failed.recipients.first?.diagnostic?.contains("User Unknown") == true)
        #expect(failed.originalMessageID == Self.quotedMessageID)
        #expect(failed.feedback == [DeliveryFeedback(kind: .hardBounce, address: Self.bouncedAddress)])

        let delayed = try #require(DeliveryStatusReport.read(MIMEParser.parse(Array(try ChannelFixtures.text("rfc3464-delayed-4.4.0", "eml", in: "dsn").utf8))))
        #expect(delayed.recipients.first?.action == "delayed")
        #expect(delayed.feedback.isEmpty, "a delay suppresses nothing")
        #expect(DeliveryStatusReport.read(MIMEParser.parse(Array("From: a@example.com\r\nSubject: hi\r\n\r\nHello".utf8))) == nil)
    }

    @Test("a bounce quoting a message the inbox sent suppresses its address; made-up bounces and delays change nothing; none opens a conversation", arguments: TestDatabase.available)
    func suppressesOnlyWhatItSent(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try await EmailChannelTests.inbox(api, sink: sink)
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"\#(Self.bouncedAddress)"}]}"#)
            let customerID = try #require(customer.object["id"] as? String)
            func write() async throws -> TestResponse {
                try await api.send(.post, "/api/v1/conversations", json: """
                    {"inbox_id":"\(inboxID)","customer_id":"\(customerID)","message":{"text":"Your order has shipped"}}
                    """)
            }
            #expect(try await write().status == .created)
            try await api.runJobs()
            let sent = try #require(try sink.received().first)
            let raw = String(decoding: sent.message, as: UTF8.self)
            let messageID = try #require(InboundEmail.ids(raw.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID:") }).first)
            let fixture = try ChannelFixtures.text("rfc3464-failed-5.1.1", "eml", in: "dsn")
            func conversations() async throws -> Int {
                (try await api.send(.get, "/api/v1/conversations").object["data"] as? [Any])?.count ?? -1
            }

            // Made up: the quoted id is not one this inbox sent; or it is, for another address.
            let madeUp = try await EmailChannelTests.postRaw(api, inboxID: inboxID, fixture, token: "mta-token")
            #expect(madeUp.status == .ok && madeUp.object["suppressed"] as? Int == 0, "\(madeUp.text)")
            let otherAddress = fixture.replacingOccurrences(of: Self.quotedMessageID, with: messageID)
                .replacingOccurrences(of: Self.bouncedAddress, with: "someone.else@example.net")
            #expect(try await EmailChannelTests.postRaw(api, inboxID: inboxID, otherAddress, token: "mta-token").object["suppressed"] as? Int == 0)
            let delayed = try ChannelFixtures.text("rfc3464-delayed-4.4.0", "eml", in: "dsn")
            #expect(try await EmailChannelTests.postRaw(api, inboxID: inboxID, delayed, token: "mta-token").object["delivery_report"] as? Bool == true)
            #expect(try await conversations() == 1, "no bounce became a conversation")
            #expect(try await write().status == .created, "nothing was suppressed")

            // Without the inbox's token a bounce is refused like any mail.
            let bounce = fixture.replacingOccurrences(of: Self.quotedMessageID, with: messageID)
            #expect(try await EmailChannelTests.postRaw(api, inboxID: inboxID, bounce, token: "wrong").status == .unauthorized)

            let before = try await conversations()
            let real = try await EmailChannelTests.postRaw(api, inboxID: inboxID, bounce, token: "mta-token")
            #expect(real.status == .ok && real.object["suppressed"] as? Int == 1, "\(real.text)")
            #expect(try await conversations() == before)
            let held = try await write()
            #expect(held.status == .conflict && held.text.contains("suppressed"), "a hard bounce holds even service mail: \(held.text)")
        }
    }
}
