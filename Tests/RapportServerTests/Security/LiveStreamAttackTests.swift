import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// A live stream opened before its credentials were taken away must not go on showing the
/// inbox: after a sign-out everywhere, a deactivation or a revoked key it ends within seconds.
@Suite("Security: live streams")
struct LiveStreamAttackTests {
    actor Ended {
        var value = false
        func set() { value = true }
    }

    /// Whether the stream's request ends within `seconds`. It is watched, not awaited, so a
    /// stream that never ends fails the test instead of hanging it. The streams recheck their
    /// credentials every five seconds; the bound leaves room for a loaded two-core machine (12 s
    /// once ran out there), and is a liveness check, not a timing one.
    static func ends(_ stream: Task<Void, any Error>, within seconds: Double) async -> Bool {
        let ended = Ended()
        let watcher = Task {
            _ = try? await stream.value
            await ended.set()
        }
        if await Eventually.holds(within: .milliseconds(Int(seconds * 1000)), { await ended.value }) { return true }
        watcher.cancel()
        stream.cancel()
        return false
    }

    @Test("a lost laptop's live stream keeps showing the inbox after its owner signs out everywhere", arguments: TestDatabase.available)
    func signedOutStream(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let agent = try await WebWorkspaceTests.user(api, .agent)
            let browser = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let client = api.client
            let stream = Task {
                _ = try await client.execute(uri: "/api/v1/live", method: .get, headers: [.cookie: browser.cookie])
            }
            #expect(await Eventually.holds { api.services.live.subscriberCount == 1 }, "the stream is open")
            try await api.services.users.signOutEverywhere(userID: agent.id)
            #expect(await Self.ends(stream, within: 30), "the stream ended after the sign-out")
        }
    }

    @Test("an integration's live stream keeps running after its API key is revoked", arguments: TestDatabase.available)
    func revokedKeyStream(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let issued = try await api.services.keys.create(name: "dashboard", kind: .secret, as: .operator(workspaceID: api.workspaceID))
            let client = api.client
            let stream = Task {
                _ = try await client.execute(uri: "/api/v1/live", method: .get, headers: [.authorization: "Bearer \(issued.secret)"])
            }
            #expect(await Eventually.holds { api.services.live.subscriberCount == 1 }, "the stream is open")
            try await api.services.keys.revoke(id: issued.key.id, as: .operator(workspaceID: api.workspaceID))
            #expect(await Self.ends(stream, within: 30), "the stream ended after the revocation")
        }
    }
}
