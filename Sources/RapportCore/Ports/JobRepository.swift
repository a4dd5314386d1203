import Foundation

/// The job table. `enqueue` runs inside the caller's transaction, so a job exists exactly when
/// the change that asked for it committed.
public protocol JobRepository: Sendable {
    /// Inserts the jobs whose unique key is free; returns how many were inserted.
    @discardableResult
    func enqueue(_ requests: [JobRequest], now: Date) async throws -> Int
    /// Whether any job is due (a cheap read before a claiming write).
    func hasDue(now: Date) async throws -> Bool
    /// Marks up to `limit` due jobs as running for `lease`, counting an attempt, and returns
    /// them. On PostgreSQL, rows another process is claiming are skipped, not waited for.
    /// Claims due jobs, none of the kinds in `excluding`.
    func claim(limit: Int, now: Date, leaseUntil: Date, excluding kinds: Set<JobKind>) async throws -> [Job]
    /// Marks attempt `attempt` of the job succeeded; false when that attempt no longer holds the
    /// job (its lease ran out and another worker claimed it), which then changes nothing.
    func markSucceeded(id: String, attempt: Int, now: Date) async throws -> Bool
    /// Puts a failed job back in the queue for `retryAt`, or marks it dead when `retryAt` is nil;
    /// false, changing nothing, when attempt `attempt` no longer holds the job.
    func markFailed(id: String, attempt: Int, error: String, retryAt: Date?, now: Date) async throws -> Bool
    /// Extends the lease of a job still held by attempt `attempt`; false when it is not.
    func renewLease(id: String, attempt: Int, until: Date) async throws -> Bool
    func find(id: String) async throws -> Job?
    func list(status: JobStatus?, kind: JobKind?, limit: Int) async throws -> [Job]
    /// A dead or discarded job queued again with fresh attempts; false when none could be.
    func retry(id: String, now: Date) async throws -> Bool
    /// A queued or dead job set aside for good; false when none could be.
    func discard(id: String, now: Date) async throws -> Bool
    func counts() async throws -> JobCounts
    /// Deletes succeeded and discarded jobs finished before `date`; returns how many.
    func purgeFinished(before date: Date) async throws -> Int
}
