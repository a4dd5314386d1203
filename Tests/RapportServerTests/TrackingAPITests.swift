import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

@Suite("Tracking API")
struct TrackingAPITests {
    static func basic(_ key: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Basic " + Data("\(key):".utf8).base64EncodedString()
        headers[.contentType] = "application/json"
        return headers
    }

    static func batch(_ count: Int, prefix: String = "m", padding: Int = 0) -> String {
        let calls = (0..<count).map { index in
            """
            {"type":"track","event":"Product Viewed","userId":"u\(index % 7)","messageId":"\(prefix)\(index)",
             "properties":{"product_id":"p\(index)","note":"\(String(repeating: "x", count: padding))"},
             "context":{"library":{"name":"analytics-python","version":"2.3.3"}},"integrations":{},
             "timestamp":"2026-11-20T10:00:00.123+00:00"}
            """
        }
        return "{\"batch\":[\(calls.joined(separator: ","))],\"sentAt\":\"2026-11-20T10:00:01Z\"}"
    }

    @Test("a batch sent with the write key as Basic user name is stored, and a repeat is not stored again", arguments: TestDatabase.available)
    func writeKeyBatch(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let write = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            for _ in 0..<2 {
                let response = try await api.client.execute(
                    uri: "/v1/batch", method: .post, headers: Self.basic(write), body: ByteBuffer(string: Self.batch(20)))
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "{\"success\":true}")
            }
            let single = try await api.client.execute(
                uri: "/v1/track", method: .post, headers: Self.basic(write),
                body: ByteBuffer(string: #"{"userId":"u1","event":"Signed Up","messageId":"single-1"}"#))
            #expect(single.status == .ok)
            let stats = try await api.send(.get, "/api/v1/stats")
            #expect(stats.object["tracked_events"] as? Int == 21)
            #expect(stats.object["customers"] as? Int == 7)
        }
    }

    @Test("keys are kept to their side: a secret key cannot track, a write key cannot read", arguments: TestDatabase.available)
    func keyKinds(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let write = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            let tracked = try await api.client.execute(
                uri: "/v1/batch", method: .post, headers: Self.basic(api.key), body: ByteBuffer(string: Self.batch(1)))
            #expect(tracked.status == .unauthorized)
            let read = try await api.send(.get, "/api/v1/customers", key: write)
            #expect(read.status == .unauthorized)
            let none = try await api.client.execute(uri: "/v1/batch", method: .post, headers: [:], body: ByteBuffer(string: Self.batch(1)))
            #expect(none.status == .unauthorized)
        }
    }

    @Test("a gzip body is accepted; limits and bad JSON get clear errors and store nothing", arguments: TestDatabase.available)
    func encodingAndLimits(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let write = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            var gzipped = Self.basic(write)
            gzipped[.contentEncoding] = "gzip"
            let compressed = GzipCompressor.gzip(Array(Self.batch(50, prefix: "g").utf8))
            let accepted = try await api.client.execute(uri: "/v1/batch", method: .post, headers: gzipped, body: ByteBuffer(bytes: compressed))
            #expect(accepted.status == .ok)

            let huge = Self.batch(40, prefix: "h", padding: 13_000)
            let tooLarge = try await api.client.execute(uri: "/v1/batch", method: .post, headers: Self.basic(write), body: ByteBuffer(string: huge))
            #expect(tooLarge.status == .contentTooLarge)
            #expect(String(buffer: tooLarge.body).contains("500 KB"))
            let bomb = GzipCompressor.gzip(Array(huge.utf8))
            let tooLargeZipped = try await api.client.execute(uri: "/v1/batch", method: .post, headers: gzipped, body: ByteBuffer(bytes: bomb))
            #expect(tooLargeZipped.status == .contentTooLarge)
            let bigEvent = #"{"userId":"u1","event":"Big","properties":{"blob":"\#(String(repeating: "y", count: 40_000))"}}"#
            let eventTooLarge = try await api.client.execute(uri: "/v1/track", method: .post, headers: Self.basic(write), body: ByteBuffer(string: bigEvent))
            #expect(eventTooLarge.status == .contentTooLarge)
            #expect(String(buffer: eventTooLarge.body).contains("32 KB"))

            let malformed = try await api.client.execute(
                uri: "/v1/batch", method: .post, headers: Self.basic(write), body: ByteBuffer(string: #"{"batch":[{"type":"track",}]}"#))
            #expect(malformed.status == .badRequest)
            let invalid = try await api.client.execute(
                uri: "/v1/batch", method: .post, headers: Self.basic(write),
                body: ByteBuffer(string: #"{"batch":[{"type":"track","userId":"u1","event":"A"},{"type":"shout","userId":"u1"}]}"#))
            #expect(invalid.status == .unprocessableContent)
            #expect(String(buffer: invalid.body).contains("batch[1].type"))

            let stats = try await api.send(.get, "/api/v1/stats")
            #expect(stats.object["tracked_events"] as? Int == 50)
        }
    }
}
