import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

/// Segment's `context.consent.categoryPreferences` on tracking calls joins the customer's
/// consent history; a browser key may only withdraw.
@Suite("Consent from tracking calls")
struct TrackingConsentTests {
    static func consents(_ api: APIHarness, userID: String) async throws -> [String: [String: Any]] {
        let id = try #require(try await api.services.customers.customerID(
            for: IdentityInput(kind: "external", value: userID, source: TrackingService.source), as: .operator(workspaceID: api.workspaceID)))
        let data = try #require(try await api.send(.get, "/api/v1/customers/\(id)/consents").object["data"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: data.map { ("\($0["purpose"] ?? "") \($0["channel"] ?? "")", $0) })
    }

    @Test("a server key's call grants and withdraws per category (Segment's own example); a browser key's only withdraws", arguments: TestDatabase.available)
    func categories(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let fixture = try ChannelFixtures.text("track-consent-preference-updated", "json", in: "segment")
            let server = try await api.services.keys.create(name: "backend", kind: .server, as: .operator(workspaceID: api.workspaceID)).secret
            let sent = try await api.client.execute(uri: "/v1/track", method: .post, headers: TrackingAPITests.basic(server), body: ByteBuffer(string: fixture))
            #expect(sent.status == .ok)
            let consents = try await Self.consents(api, userID: "u123")
            #expect(consents.mapValues { $0["status"] as? String } == [
                "marketing web": "granted", "analytics web": "withdrawn", "personalisation web": "granted", "data_sharing web": "withdrawn",
            ])
            let change = try #require((consents["marketing web"]?["history"] as? [[String: Any]])?.first)
            #expect(change["source"] as? String == "tracking" && (change["occurred_at"] as? String)?.hasPrefix("2023-01-01") == true)

            // The same call from the browser for another visitor: only the withdrawals count.
            let browser = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            let fromBrowser = fixture.replacingOccurrences(of: "\"u123\"", with: "\"u456\"")
            _ = try await api.client.execute(uri: "/v1/track", method: .post, headers: TrackingAPITests.basic(browser), body: ByteBuffer(string: fromBrowser))
            #expect(try await Self.consents(api, userID: "u456").mapValues { $0["status"] as? String } == [
                "analytics web": "withdrawn", "data_sharing web": "withdrawn",
            ])
            // A browser cannot grant on a customer the server key proved.
            let granting = fixture.replacingOccurrences(of: "\"Analytics\": false", with: "\"Analytics\": true")
                .replacingOccurrences(of: "2023-01-01", with: "2024-01-01")
            _ = try await api.client.execute(uri: "/v1/track", method: .post, headers: TrackingAPITests.basic(browser), body: ByteBuffer(string: granting))
            #expect(try await Self.consents(api, userID: "u123")["analytics web"]?["status"] as? String == "withdrawn")
        }
    }
}
