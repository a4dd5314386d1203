import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

/// WhatsApp tells when a person stops or resumes marketing messages in the app.
@Suite("Consent from WhatsApp")
struct WhatsAppConsentTests {
    @Test("a user_preferences webhook (Meta's example) records marketing by WhatsApp as the person chose; stop withdraws it", arguments: TestDatabase.available)
    func userPreferences(database: TestDatabase) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        try await APIHarness.run(on: database) { api in
            let inboxID = try #require(try await WhatsAppChannelTests.createInbox(api, graph: graph)["id"] as? String)
            let resume = try ChannelFixtures.text("user-preferences-marketing-resume", "json", in: "whatsapp")
            let forged = try await WhatsAppChannelTests.post(api, inboxID: inboxID, resume, signature: "sha256=00")
            #expect(forged.status == .unauthorized)
            let accepted = try await WhatsAppChannelTests.post(api, inboxID: inboxID, resume, signature: ChannelFixtures.metaSignature(resume, secret: "wa-secret"))
            #expect(accepted.status == .ok)
            let id = try #require(try await api.services.customers.customerID(
                for: IdentityInput(kind: "whatsapp", value: "16505551234"), as: .operator(workspaceID: api.workspaceID)))
            func marketing() async throws -> [String: Any]? {
                (try await api.send(.get, "/api/v1/customers/\(id)/consents").object["data"] as? [[String: Any]])?
                    .first { $0["purpose"] as? String == "marketing" && $0["channel"] as? String == "whatsapp" }
            }
            let granted = try #require(try await marketing())
            #expect(granted["status"] as? String == "granted" && granted["source"] as? String == "provider")
            #expect((granted["history"] as? [[String: Any]])?.first?["occurred_at"] as? String == "2024-11-15T21:22:01.000Z")

            let stop = resume.replacingOccurrences(of: "\"resume\"", with: "\"stop\"").replacingOccurrences(of: "1731705721", with: "1731705800")
            _ = try await WhatsAppChannelTests.post(api, inboxID: inboxID, stop, signature: ChannelFixtures.metaSignature(stop, secret: "wa-secret"))
            #expect(try await marketing()?["status"] as? String == "withdrawn")
            #expect((try await api.send(.get, "/api/v1/conversations").object["data"] as? [Any])?.isEmpty == true, "a preference is not a message")
        }
    }
}
