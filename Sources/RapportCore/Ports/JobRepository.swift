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
    func claim(limit: Int, now: Date, leaseUntil: Date) async throws -> [Job]
    func markSucceeded(id: String, now: Date) async throws
    /// Puts a failed job back in the queue for `retryAt`, or marks it dead when `retryAt` is nil.
    func markFailed(id: String, error: String, retryAt: Date?, now: Date) async throws
    func find(id: String) async throws -> Job?
    func list(status: JobStatus?, kind: String?, limit: Int) async throws -> [Job]
    /// A dead or discarded job queued again with fresh attempts; false when none could be.
    func retry(id: String, now: Date) async throws -> Bool
    /// A queued or dead job set aside for good; false when none could be.
    func discard(id: String, now: Date) async throws -> Bool
    func counts() async throws -> JobCounts
    /// Deletes succeeded and discarded jobs finished before `date`; returns how many.
    func purgeFinished(before date: Date) async throws -> Int
}
