import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Jobs that could run twice, or be starved: a slow run whose lease ran out, and a kind that
/// would take every slot.
@Suite("Security: job leases")
struct JobLeaseAttackTests {
    @Test("a run that outlasted its lease records nothing once another worker took the job over; the lease is renewed while a run is alive", arguments: TestDatabase.available)
    func fencing(database: TestDatabase) async throws {
        try await database.withStore { store in
            let clock = FixedClock()
            let jobs = JobService(store: store, clock: clock, lease: .seconds(300))
            try await jobs.enqueue([JobRequest(kind: .webhookDeliver, payload: "{}")])
            let slow = try #require(try await jobs.claim(limit: 1).first)
            clock.advance(by: 200)
            #expect(try await jobs.renewLease(slow), "alive and renewed")
            clock.advance(by: 250)
            #expect(try await jobs.claim(limit: 1).isEmpty, "the renewal kept the job")
            clock.advance(by: 60)
            let takeover = try #require(try await jobs.claim(limit: 1).first)
            #expect(takeover.attempts == slow.attempts + 1)
            #expect(try await !jobs.succeeded(slow), "the stale attempt records nothing")
            #expect(try await !jobs.renewLease(slow))
            #expect(try await jobs.failed(slow, error: JobFailure.retry("late")) == .running)
            #expect(try await jobs.job(id: slow.id)?.status == .running, "still the second attempt's")
            #expect(try await jobs.succeeded(takeover))
            #expect(try await jobs.job(id: slow.id)?.status == .succeeded)
        }
    }

    @Test("jobs of a kind already using its share of slots are left for later, so other kinds run", arguments: TestDatabase.available)
    func kindShare(database: TestDatabase) async throws {
        try await database.withStore { store in
            let jobs = JobService(store: store, clock: FixedClock())
            try await jobs.enqueue((0..<5).map { _ in JobRequest(kind: .webhookDeliver, payload: "{}") })
            try await jobs.enqueue([JobRequest(kind: .messageSend, payload: "{}")])
            let claimed = try await jobs.claim(limit: 10, excluding: [.webhookDeliver])
            #expect(claimed.map(\.kind.rawValue) == ["message.send"])
        }
    }
}

/// A flood of tracking batches: the wait for a transaction is bounded, and every batch is
/// either stored whole or refused whole (503), never lost.
@Suite("Security: tracking backpressure")
struct TrackingBackpressureTests {
    @Test("a flood of batches beyond the queue is refused with 503, and each batch is stored whole or not at all", arguments: TestDatabase.available)
    func bounded(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let tracking = TrackingService(commerce: services.commerce, maximumQueuedCalls: 10)
            let workspaceID = services.workspaceID
            let outcomes = await withTaskGroup(of: Int?.self) { group in
                for batch in 0..<30 {
                    group.addTask {
                        let calls = (0..<5).map { TrackingMessage(type: .track, messageID: "b\(batch)-\($0)", anonymousID: "v\(batch)", event: "Viewed") }
                        do {
                            return try await tracking.ingest(calls, workspaceID: workspaceID, provenance: .asserted).stored
                        } catch RapportError.overloaded {
                            return nil
                        } catch {
                            return -1
                        }
                    }
                }
                return await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            #expect(!outcomes.contains(-1))
            let stored = outcomes.compactMap { $0 }.reduce(0, +)
            #expect(outcomes.compactMap { $0 }.allSatisfy { $0 == 5 }, "a batch is stored whole")
            let counts = try await services.commerce.counts(as: .operator(workspaceID: workspaceID))
            #expect(counts.trackedEvents == stored, "what was acknowledged is there, and nothing else")
        }
    }
}
