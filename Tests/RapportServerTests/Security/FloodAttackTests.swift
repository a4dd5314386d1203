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

/// Floods at the public doors: each client key gets its share, then 429 with `Retry-After`,
/// and nothing refused is stored; other clients are not slowed.
@Suite("Security: request floods")
struct FloodAttackTests {
    static let tight = RateLimits(
        tracking: RateLimit(count: 3, period: 60), chat: RateLimit(count: 3, period: 60), webhooks: RateLimit(count: 3, period: 60))

    @Test("a leaked write key floods the tracking API", arguments: TestDatabase.available)
    func trackingFlood(database: TestDatabase) async throws {
        try await APIHarness.run(on: database, limits: Self.tight) { api in
            let flooding = try await api.services.keys.create(name: "leaked", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            let other = try await api.services.keys.create(name: "app", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            var statuses: [HTTPResponse.Status] = []
            var retryAfter: String?
            for index in 0..<5 {
                let response = try await api.client.execute(
                    uri: "/v1/track", method: .post, headers: TrackingAPITests.basic(flooding),
                    body: ByteBuffer(string: #"{"anonymousId":"a","event":"Spam","messageId":"m\#(index)"}"#))
                statuses.append(response.status)
                if response.status == .tooManyRequests { retryAfter = response.headers[.retryAfter] }
            }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests, .tooManyRequests])
            #expect(Int(retryAfter ?? "") ?? 0 >= 1)
            let fine = try await api.client.execute(
                uri: "/v1/track", method: .post, headers: TrackingAPITests.basic(other),
                body: ByteBuffer(string: #"{"anonymousId":"b","event":"Viewed","messageId":"n1"}"#))
            #expect(fine.status == .ok)
            #expect(try await api.send(.get, "/api/v1/stats").object["tracked_events"] as? Int == 4)
        }
    }

    @Test("a script opens web-chat sessions in a loop, each a customer, conversation and bot job", arguments: TestDatabase.available)
    func chatFlood(database: TestDatabase) async throws {
        try await APIHarness.run(on: database, limits: Self.tight) { api in
            let created = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"webchat","name":"Chat","settings":{"identity_secret":"s-secret-0123456789abcdefgh"}}"#)
            let inboxID = try #require(created.object["id"] as? String)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 {
                statuses.append(try await api.send(.post, "/chat/\(inboxID)/sessions", json: "{}").status)
            }
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 2)
        }
    }

    @Test("forged webhooks flood one inbox's URL; another inbox still takes its provider's messages", arguments: TestDatabase.available)
    func webhookFlood(database: TestDatabase) async throws {
        try await APIHarness.run(on: database, limits: Self.tight) { api in
            let graph = try await FakeProvider.start()
            defer { graph.stop() }
            let target = try #require(try await WhatsAppChannelTests.createInbox(api, graph: graph)["id"] as? String)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 {
                statuses.append(try await WhatsAppChannelTests.post(api, inboxID: target, "{}", signature: "sha256=00").status)
            }
            #expect(statuses == [.unauthorized, .unauthorized, .unauthorized, .tooManyRequests, .tooManyRequests])
            let source = try await api.services.sources.create(kind: .shopify, name: "Shop", secret: "hush", as: .operator(workspaceID: api.workspaceID))
            let other = try await api.client.execute(uri: SiteURL.source(source).path, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}"))
            #expect(other.status == .unauthorized, "another target has its own share")
        }
    }
}
