import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Job queue")
struct JobQueueTests {
    @Test("a unique key enqueues a job once; a scheduled job waits for its time", arguments: TestDatabase.available)
    func uniqueAndScheduled(database: TestDatabase) async throws {
        try await database.withStore { store in
            let clock = FixedClock()
            let jobs = JobService(store: store, clock: clock)
            #expect(try await jobs.enqueue([JobRequest(kind: JobKind(rawValue: "test.echo"), payload: "{}", uniqueKey: "k1")]) == 1)
            #expect(try await jobs.enqueue([JobRequest(kind: JobKind(rawValue: "test.echo"), payload: "{}", uniqueKey: "k1")]) == 0)
            #expect(try await jobs.enqueue([JobRequest(kind: JobKind(rawValue: "test.later"), payload: "{}", runAt: clock.now().addingTimeInterval(60))]) == 1)
            let first = try await jobs.claim(limit: 10)
            #expect(first.map(\.kind.rawValue) == ["test.echo"])
            #expect(first.first?.attempts == 1)
            #expect(try await jobs.claim(limit: 10).isEmpty)
            clock.advance(by: 61)
            #expect(try await jobs.claim(limit: 10).map(\.kind.rawValue) == ["test.later"])
        }
    }

    @Test("failures back off with jitter, then the job is dead with its last error; retry and discard", arguments: TestDatabase.available)
    func backoffAndDeadLetter(database: TestDatabase) async throws {
        try await database.withStore { store in
            let clock = FixedClock()
            let jobs = JobService(store: store, clock: clock, policy: RetryPolicy(base: .seconds(10), cap: .seconds(100)))
            try await jobs.enqueue([JobRequest(kind: JobKind(rawValue: "test.flaky"), payload: "{}", maxAttempts: 3)])
            for attempt in 1...2 {
                let job = try #require(try await jobs.claim(limit: 1).first)
                #expect(job.attempts == attempt)
                #expect(try await jobs.failed(job, error: JobFailure.retry("timeout \(attempt)"), unit: 0.5) == .queued)
                let stored = try #require(try await jobs.job(id: job.id))
                // Equal jitter: between half and all of 10·2^(n-1) seconds; 0.5 lands at three quarters.
                let expected = 10 * pow(2, Double(attempt - 1)) * 0.75
                #expect(abs(stored.runAt.timeIntervalSince(clock.now()) - expected) < 0.01)
                #expect(try await jobs.claim(limit: 1).isEmpty)
                clock.advance(by: expected + 1)
            }
            let last = try #require(try await jobs.claim(limit: 1).first)
            #expect(try await jobs.failed(last, error: JobFailure.retry("still down")) == .dead)
            let dead = try #require(try await jobs.job(id: last.id))
            #expect(dead.status == .dead)
            #expect(dead.lastError == "still down")
            #expect(try await jobs.counts()[.dead] == 1)
            await #expect(throws: RapportError.self) { try await jobs.discard(id: "job_missing") }
            try await jobs.retry(id: last.id)
            let again = try #require(try await jobs.claim(limit: 1).first)
            #expect(again.attempts == 1)
            #expect(try await jobs.failed(again, error: JobFailure.permanent("refused")) == .dead)
            try await jobs.discard(id: again.id)
            #expect(try await jobs.job(id: again.id)?.status == .discarded)
            await #expect(throws: RapportError.self) { try await jobs.discard(id: again.id) }
        }
    }

    @Test("a job whose worker died is claimed again when its lease ends", arguments: TestDatabase.available)
    func expiredLease(database: TestDatabase) async throws {
        try await database.withStore { store in
            let clock = FixedClock()
            let jobs = JobService(store: store, clock: clock, lease: .seconds(30))
            try await jobs.enqueue([JobRequest(kind: JobKind(rawValue: "test.crash"), payload: "{}")])
            let claimed = try #require(try await jobs.claim(limit: 1).first)
            #expect(try await jobs.claim(limit: 1).isEmpty)
            clock.advance(by: 31)
            let reclaimed = try #require(try await jobs.claim(limit: 1).first)
            #expect(reclaimed.id == claimed.id)
            #expect(reclaimed.attempts == 2)
            try await jobs.succeeded(reclaimed)
            #expect(try await jobs.job(id: claimed.id)?.status == .succeeded)
            #expect(try await jobs.purgeFinished(olderThan: 86_400) == 0)
            clock.advance(by: 86_401)
            #expect(try await jobs.purgeFinished(olderThan: 86_400) == 1)
            #expect(try await jobs.job(id: claimed.id) == nil)
        }
    }

    @Test("concurrent claimers never get the same job", arguments: TestDatabase.available)
    func concurrentClaims(database: TestDatabase) async throws {
        try await database.withStore { store in
            let jobs = JobService(store: store, clock: FixedClock())
            try await jobs.enqueue((0..<200).map { JobRequest(kind: JobKind(rawValue: "test.many"), payload: "{\"n\":\($0)}") })
            let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        var mine: [String] = []
                        while true {
                            let batch = try await jobs.claim(limit: 5)
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                var all: [String] = []
                for try await ids in group { all += ids }
                return all
            }
            #expect(claimed.count == 200)
            #expect(Set(claimed).count == 200)
        }
    }
}
