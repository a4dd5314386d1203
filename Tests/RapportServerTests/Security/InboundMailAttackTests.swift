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

/// Attacks on the inbound mail webhook.
@Suite("Security: inbound mail")
struct InboundMailAttackTests {
    @Test("a stranger makes Rapport read 25 MiB before any credential is checked", arguments: TestDatabase.available)
    func bodyBeforeCredentials(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/inboxes", json: """
                {"channel":"email","name":"Mail","settings":{"address":"help@shop.example","smtp_host":"127.0.0.1","inbound_token":"mta-token"}}
                """)
            let inboxID = try #require(created.object["id"] as? String)
            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: 26 << 20)
            let anonymous = try await api.client.execute(
                uri: "/webhooks/email/\(inboxID)", method: .post, headers: [.contentType: "message/rfc822"], body: huge)
            #expect(anonymous.status == .unauthorized, "refused on its headers, not after reading: \(anonymous.status)")
            let wrongToken = try await api.client.execute(
                uri: "/webhooks/email/\(inboxID)?token=guess", method: .post, headers: [.contentType: "message/rfc822"], body: huge)
            #expect(wrongToken.status == .unauthorized)
        }
    }
}
