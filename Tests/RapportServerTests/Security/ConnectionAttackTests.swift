import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import RapportCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// Slow clients that hold connections: idle ones, and more of them than the server takes.
@Suite("Security: connections")
struct ConnectionAttackTests {
    /// A raw TCP connection that sends nothing; completes `closed` when the server hangs up.
    static func connect(port: Int) async throws -> any Channel {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get()
    }

    static func closes(_ channel: any Channel, within seconds: Double) async -> Bool {
        await Eventually.holds(within: .milliseconds(Int(seconds * 1000))) { !channel.isActive }
    }

    @Test("idle connections are closed after the idle time, and connections past the limit are closed as they open")
    func slowClients() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let services = AppServices(store: store, defaultRegion: PhoneRegion.known["DE"]!, passwords: BcryptPasswordHasher(cost: 4))
            _ = try #require(try await services.workspaces.bootstrapIfEmpty())
            let app = try RapportApplication.build(
                services: services, host: "127.0.0.1", port: 0, workers: 0, logger: Logger(label: "test.connections"),
                // An idle time long enough that "closed at once" and "closed when idle" stay
                // apart on a machine busy with the rest of the suite.
                // (Four seconds proved too short once, with the whole suite on two cores, and a
                // 2.5 s wait for "at once" another time: 20 s apart from 6 s now.)
                connections: ConnectionLimit(maximum: 3, idleTimeout: .seconds(20)))
            try await app.test(.live) { client in
                let port = try #require(client.port)
                // The harness's own client holds one of the three: two more are taken, and
                // every one after them is closed as it opens.
                let held = [try await Self.connect(port: port), try await Self.connect(port: port)]
                let extra = [try await Self.connect(port: port), try await Self.connect(port: port)]
                // Looked at before waiting for the extra ones: on a busy machine that wait can
                // outlast the idle time, and then the held ones are rightly closed as idle.
                let kept = held.allSatisfy { $0.isActive }
                #expect(kept, "the connections within the limit are kept while not yet idle \(held.map(\.isActive))")
                for channel in extra { #expect(await Self.closes(channel, within: 6), "one connection too many is closed at once, long before the idle time") }
                for channel in held { #expect(await Self.closes(channel, within: 40), "an idle connection is closed after the idle time") }
                // The server counts a connection out once its side of the close is done, a
                // moment after the client sees it (longer on a busy machine): asked again until then.
                let taken = await Eventually.holds(within: .seconds(5)) {
                    guard let fresh = try? await Self.connect(port: port) else { return false }
                    defer { fresh.close(promise: nil) }
                    guard (try? await fresh.writeAndFlush(ByteBuffer(string: "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"))) != nil else { return false }
                    try? await Task.sleep(for: .milliseconds(300))
                    return fresh.isActive
                }
                #expect(taken, "once the idle ones are gone, a new connection is taken")
            }
        }
    }
}
