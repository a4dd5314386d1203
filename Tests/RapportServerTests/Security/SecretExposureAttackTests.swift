import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Secrets shown once stay shown once.
@Suite("Security: secrets")
struct SecretExposureAttackTests {
    @Test("repeating a webhook creation's Idempotency-Key replays its signing secret", arguments: TestDatabase.available)
    func replayedSecret(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let body = #"{"url":"https://hooks.example.com/in","event_types":["*"]}"#
            let first = try await api.send(.post, "/api/v1/webhook_endpoints", json: body, headers: [("Idempotency-Key", "hook-1")])
            #expect(first.status == .created)
            #expect((first.object["secret"] as? String)?.hasPrefix("whsec_") == true)
            #expect(first.headers[.cacheControl] == "no-store")
            let again = try await api.send(.post, "/api/v1/webhook_endpoints", json: body, headers: [("Idempotency-Key", "hook-1")])
            #expect(again.status == .conflict)
            #expect(!again.text.contains("whsec_"))
            let listed = try await api.send(.get, "/api/v1/webhook_endpoints")
            #expect((listed.object["data"] as? [[String: Any]])?.count == 1, "the retry created nothing")
        }
    }
}
