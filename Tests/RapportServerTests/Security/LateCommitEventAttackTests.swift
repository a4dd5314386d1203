import Foundation
import RapportCore
import RapportServer
import RapportTestSupport
import Synchronization
import Testing

/// An event whose transaction commits late must still reach subscribers. On PostgreSQL a
/// sequence number is taken before commit, so a slow transaction (a large import, a stalled
/// connection) can commit a lower number after a higher one was dispatched; a dispatcher
/// reading by sequence alone would then move past it for good.
@Suite("Security: late-committing events")
struct LateCommitEventAttackTests {
    @Test("an event committed after a later-numbered one was readable is still delivered, and nothing passes a transaction still open", arguments: TestDatabase.available)
    func lateCommit(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let store = api.services.store
            let created = try await api.send(.post, "/api/v1/webhook_endpoints", json: #"{"url":"https://hooks.example.com/in","event_types":["*"]}"#)
            #expect(created.status == .created)
            let dispatcher = EventDispatcher(store: store, clock: SystemWallClock())
            let slow = Self.event("evt_late_slow", workspaceID: api.workspaceID)
            let quick = Self.event("evt_late_quick", workspaceID: api.workspaceID)

            // The slow transaction appends, says so, and stays open until the test lets it commit.
            let appended = Mutex(false)
            let (release, releaseSignal) = AsyncStream<Void>.makeStream()
            defer { releaseSignal.finish() }
            let slowWriter = Task {
                try await store.write { session in
                    try await session.events.append([slow])
                    appended.withLock { $0 = true }
                    for await _ in release {}
                }
            }
            try #require(await Eventually.holds { appended.withLock { $0 } }, "the slow transaction appended its event")
            let quickWriter = Task { try await store.write { session in try await session.events.append([quick]) } }
            if database == .postgresql {
                try await quickWriter.value  // committed, with a higher sequence than the open one
                let numbers = try await store.read { session in
                    (try await session.events.event(id: quick.id)?.sequence, try await session.events.event(id: slow.id)?.sequence)
                }
                #expect(numbers.0 != nil && numbers.1 == nil, "the quick event is visible, the slow one not yet")
            }
            _ = try await dispatcher.dispatch()
            #expect(try await Self.deliveredEvents(api).isDisjoint(with: [slow.id, quick.id]), "nothing past the open transaction")
            releaseSignal.finish()

            try await slowWriter.value
            try await quickWriter.value
            let slowNumber = try await store.read { session in try await session.events.event(id: slow.id)?.sequence }
            let quickNumber = try await store.read { session in try await session.events.event(id: quick.id)?.sequence }
            if database == .postgresql { #expect(try #require(slowNumber) < #require(quickNumber), "the slow event holds the lower number") }
            let deadline = ContinuousClock.now + .seconds(30)
            while try await !Self.deliveredEvents(api).isSuperset(of: [slow.id, quick.id]), ContinuousClock.now < deadline {
                _ = try await dispatcher.dispatchWhenSettled(timeout: .seconds(1))
            }
            let delivered = try await Self.deliveredEvents(api)
            #expect(delivered.contains(slow.id), "the late-committed event is delivered")
            #expect(delivered.contains(quick.id))
        }
    }

    private static let at = Date(timeIntervalSince1970: 1_790_000_000)

    private static func event(_ id: String, workspaceID: String) -> DomainEvent {
        DomainEvent(id: id, workspaceID: workspaceID, type: .customerCreated, subjectID: "cus_\(id)", payload: "{}", payloadVersion: 1, occurredAt: at)
    }

    /// The event ids that have a delivery job.
    private static func deliveredEvents(_ api: APIHarness) async throws -> Set<String> {
        let jobs = try await api.services.jobs.list(status: nil, kind: WebhookDeliveryPayload.jobKind, limit: 100)
        return Set(try jobs.map { try JSONCoding.makeDecoder().decode(WebhookDeliveryPayload.self, from: Data($0.payload.utf8)).eventID })
    }
}
