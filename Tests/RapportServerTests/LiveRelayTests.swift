import Foundation
import Logging
import RapportCore
@testable import RapportServer
import RapportStore
import RapportTestSupport
import Synchronization
import Testing

@Suite("Live updates across processes")
struct LiveRelayTests {
    @Test("on PostgreSQL a change published by one process reaches the agents of another; SQLite needs no relay", arguments: TestDatabase.available)
    func relay(database: TestDatabase) async throws {
        let url = try DatabaseURL(parsing: try await database.freshURL())
        let logger = Logger(label: "test.relay")
        let first = try await SQLDataStore.open(url, logger: logger)
        try await first.migrate()
        let second = try await SQLDataStore.open(url, logger: logger)
        guard database == .postgresql else {
            #expect(!first.supportsNotifications)
            // Returns at once: nothing to listen to.
            try await first.listen(channel: PostgresLiveRelay.channel) { _ in }
            await first.shutdown()
            await second.shutdown()
            return
        }
        #expect(first.supportsNotifications)
        let hubA = LiveHub()
        let hubB = LiveHub()
        let relayA = PostgresLiveRelay(store: first, hub: hubA, logger: logger)
        let listeningB = Mutex(false)
        let relayB = PostgresLiveRelay(store: second, hub: hubB, logger: logger, whenListening: { listeningB.withLock { $0 = true } })
        hubA.attach(relay: relayA)
        let workspace = "wsp_" + UUID().uuidString
        let agentOnB = hubB.subscribe(workspaceID: workspace)
        let userOnB = hubB.subscribe(workspaceID: workspace, userID: "usr_1")
        let listening = Task { await relayB.run() }
        try #require(await Eventually.holds { listeningB.withLock { $0 } }, "the second process listens")
        let large = String(repeating: "x", count: 9_000)
        await hubA.publish([
            LiveUpdate(workspaceID: workspace, type: .messageCreated, conversationID: "cnv_1", inboxID: "inb_1",
                       json: #"{"id":"mes_1","text":"from A"}"#, contact: "+4915100000001", customerJSON: #"{"text":"from A"}"#),
            LiveUpdate(workspaceID: workspace, type: .messageCreated, conversationID: "cnv_2", inboxID: "inb_1",
                       json: #"{"text":"\#(large)"}"#),
            LiveUpdate(workspaceID: workspace, type: .alertCreated, conversationID: "", inboxID: "", json: #"{"object":"alert"}"#, userID: "usr_1"),
        ])
        var iterator = agentOnB.updates.makeAsyncIterator()
        let received = try #require(await iterator.next())
        #expect(received.type == .messageCreated)
        #expect(received.json.contains("from A"))
        #expect(received.contact == "+4915100000001")
        #expect(received.customerJSON?.contains("from A") == true)
        let truncated = try #require(await iterator.next())
        #expect(truncated.json.contains("\"truncated\":true"))
        #expect(truncated.conversationID == "cnv_2")
        // A user's alert reaches only that user's stream, after the conversation changes they may see.
        var userUpdates = userOnB.updates.makeAsyncIterator()
        #expect(await userUpdates.next()?.type == .messageCreated)
        #expect(await userUpdates.next()?.conversationID == "cnv_2")
        let alert = try #require(await userUpdates.next())
        #expect(alert.type == .alertCreated && alert.userID == "usr_1" && alert.json == #"{"object":"alert"}"#)
        listening.cancel()
        await listening.value
        await first.shutdown()
        await second.shutdown()
    }
}

@Suite("Live stream frames")
struct LiveStreamFrameTests {
    @Test("an event is named by the change as the widget and the workspace listen for it, and a visitor gets only what they may see")
    func frames() throws {
        let update = LiveUpdate(
            workspaceID: "wsp_1", type: .messageCreated, conversationID: "cnv_1", inboxID: "inb_1", json: #"{"id":"m1","private":false}"#,
            contact: "visitor:v1", customerJSON: #"{"id":"m1"}"#)
        #expect(LiveRoutes.event(update, customerView: false) == "event: message.created\ndata: {\"id\":\"m1\",\"private\":false}\n\n")
        #expect(LiveRoutes.event(update, customerView: true) == "event: message.created\ndata: {\"id\":\"m1\"}\n\n")
        var note = update
        note.customerJSON = nil
        #expect(LiveRoutes.event(note, customerView: true) == nil)
    }
}
