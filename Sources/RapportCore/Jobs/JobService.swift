import Foundation

/// The durable job queue: claiming due jobs, recording their outcome with backoff and a dead
/// letter, and the operator's list, retry and discard. Jobs are enqueued through
/// `session.jobs` inside the transaction of the change that needs them.
public struct JobService: Sendable {
    public let store: any DataStore
    public let clock: any WallClock
    public let policy: RetryPolicy
    /// How long a claimed job stays with its worker before another may take it over.
    public let lease: Duration

    public init(store: any DataStore, clock: any WallClock, policy: RetryPolicy = RetryPolicy(), lease: Duration = .seconds(300)) {
        self.store = store
        self.clock = clock
        self.policy = policy
        self.lease = lease
    }

    /// Enqueues outside any other change (operators, schedules, tests).
    @discardableResult
    public func enqueue(_ requests: [JobRequest]) async throws -> Int {
        let now = clock.now()
        return try await store.write { session in try await session.jobs.enqueue(requests, now: now) }
    }

    /// Up to `limit` due jobs, none of the kinds in `excluding`, now owned by the caller until
    /// the lease ends. A job's attempt number is its fencing token: only that attempt may
    /// record the outcome or renew the lease.
    public func claim(limit: Int, excluding kinds: Set<JobKind> = []) async throws -> [Job] {
        let now = clock.now()
        guard try await store.read({ session in try await session.jobs.hasDue(now: now) }) else { return [] }
        let leaseUntil = now.addingTimeInterval(TimeInterval(lease.components.seconds))
        return try await store.write { session in
            try await session.jobs.claim(limit: limit, now: now, leaseUntil: leaseUntil, excluding: kinds)
        }
    }

    /// Records success; false when the job's lease had passed to another worker (then nothing changes).
    @discardableResult
    public func succeeded(_ job: Job) async throws -> Bool {
        let now = clock.now()
        return try await store.write { session in try await session.jobs.markSucceeded(id: job.id, attempt: job.attempts, now: now) }
    }

    /// Extends the lease of a job that is still running; false when another worker holds it now.
    public func renewLease(_ job: Job) async throws -> Bool {
        let until = clock.now().addingTimeInterval(TimeInterval(lease.components.seconds))
        return try await store.write { session in try await session.jobs.renewLease(id: job.id, attempt: job.attempts, until: until) }
    }

    /// Records a failed attempt: retried after a backoff while attempts remain and the failure
    /// is not permanent, dead otherwise. Returns the status the job is left in.
    @discardableResult
    public func failed(_ job: Job, error: any Error, unit: Double = Double.random(in: 0..<1)) async throws -> JobStatus {
        let now = clock.now()
        let failure = error as? JobFailure
        let message = failure?.reason ?? String(describing: error)
        let permanent = if case .permanent? = failure { true } else { false }
        let retryAt: Date? = permanent || job.attempts >= job.maxAttempts
            ? nil : now.addingTimeInterval(policy.delay(afterAttempt: job.attempts, unit: unit))
        let recorded = try await store.write { session in
            try await session.jobs.markFailed(id: job.id, attempt: job.attempts, error: String(message.prefix(2000)), retryAt: retryAt, now: now)
        }
        // Another worker holds the job now: its attempt decides.
        guard recorded else { return .running }
        return retryAt == nil ? .dead : .queued
    }

    public func job(id: String) async throws -> Job? {
        try await store.read { session in try await session.jobs.find(id: id) }
    }

    public func list(status: JobStatus?, kind: JobKind?, limit: Int) async throws -> [Job] {
        try await store.read { session in try await session.jobs.list(status: status, kind: kind, limit: limit) }
    }

    public func retry(id: String) async throws {
        let now = clock.now()
        guard try await store.write({ session in try await session.jobs.retry(id: id, now: now) }) else {
            throw RapportError.conflict("Job \(id) is not dead or discarded (or does not exist); only those can be retried.")
        }
    }

    public func discard(id: String) async throws {
        let now = clock.now()
        guard try await store.write({ session in try await session.jobs.discard(id: id, now: now) }) else {
            throw RapportError.conflict("Job \(id) is not queued or dead (or does not exist); only those can be discarded.")
        }
    }

    public func counts() async throws -> JobCounts {
        try await store.read { session in try await session.jobs.counts() }
    }

    /// Forgets finished jobs older than `age` (dead ones stay until handled).
    public func purgeFinished(olderThan age: TimeInterval) async throws -> Int {
        let cutoff = clock.now().addingTimeInterval(-age)
        return try await store.write { session in try await session.jobs.purgeFinished(before: cutoff) }
    }
}
