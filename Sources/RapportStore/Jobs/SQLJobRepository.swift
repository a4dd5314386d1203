import Foundation
import RapportCore
import SQLKit

struct SQLJobRepository: JobRepository {
    let handle: SQLConnectionHandle

    func enqueue(_ requests: [JobRequest], now: Date) async throws -> Int {
        var inserted = 0
        for request in requests {
            let runAt = Timestamp.microseconds(request.runAt ?? now)
            let rows = try await handle.sql.raw("""
                INSERT INTO jobs (id, kind, payload, status, unique_key, attempts, max_attempts, run_at, created_at, updated_at)
                VALUES (\(bind: ResourceID.make(.job, at: now)), \(bind: request.kind.rawValue), \(bind: request.payload), 'queued',
                  \(bind: request.uniqueKey), 0, \(bind: max(1, request.maxAttempts)), \(bind: runAt),
                  \(bind: Timestamp.microseconds(now)), \(bind: Timestamp.microseconds(now)))
                ON CONFLICT (kind, unique_key) DO NOTHING RETURNING id
                """).all()
            inserted += rows.count
        }
        return inserted
    }

    func hasDue(now: Date) async throws -> Bool {
        try await handle.sql.raw("""
            SELECT 1 AS due FROM jobs WHERE status IN ('queued', 'running') AND run_at <= \(bind: Timestamp.microseconds(now)) LIMIT 1
            """).first() != nil
    }

    func claim(limit: Int, now: Date, leaseUntil: Date, excluding kinds: Set<JobKind>) async throws -> [Job] {
        var due: SQLQueryString = "SELECT id FROM jobs WHERE status IN ('queued', 'running') AND run_at <= \(bind: Timestamp.microseconds(now))"
        if !kinds.isEmpty { due += " AND kind NOT IN (\(binds: kinds.map(\.rawValue).sorted()))" }
        due += " ORDER BY run_at LIMIT \(literal: limit)\(unsafeRaw: handle.dialect.skipLockedRows)"
        var query: SQLQueryString = """
            UPDATE jobs SET status = 'running', attempts = attempts + 1, run_at = \(bind: Timestamp.microseconds(leaseUntil)),
              updated_at = \(bind: Timestamp.microseconds(now))
            WHERE id IN (
            """
        query += due
        query += ") RETURNING *"
        return try await handle.sql.raw(query).all().compactMap(decode).sorted { $0.id < $1.id }
    }

    func markSucceeded(id: String, attempt: Int, now: Date) async throws -> Bool {
        try await !handle.sql.raw("""
            UPDATE jobs SET status = 'succeeded', updated_at = \(bind: Timestamp.microseconds(now))
            WHERE id = \(bind: id) AND attempts = \(bind: attempt) AND status = 'running' RETURNING id
            """).all().isEmpty
    }

    func markFailed(id: String, attempt: Int, error: String, retryAt: Date?, now: Date) async throws -> Bool {
        let status = retryAt == nil ? JobStatus.dead : .queued
        return try await !handle.sql.raw("""
            UPDATE jobs SET status = \(bind: status.rawValue), last_error = \(bind: error),
              run_at = \(bind: Timestamp.microseconds(retryAt ?? now)), updated_at = \(bind: Timestamp.microseconds(now))
            WHERE id = \(bind: id) AND attempts = \(bind: attempt) AND status = 'running' RETURNING id
            """).all().isEmpty
    }

    func renewLease(id: String, attempt: Int, until: Date) async throws -> Bool {
        try await !handle.sql.raw("""
            UPDATE jobs SET run_at = \(bind: Timestamp.microseconds(until))
            WHERE id = \(bind: id) AND attempts = \(bind: attempt) AND status = 'running' RETURNING id
            """).all().isEmpty
    }

    func find(id: String) async throws -> Job? {
        try await handle.sql.raw("SELECT * FROM jobs WHERE id = \(bind: id)").first().flatMap(decode)
    }

    func list(status: JobStatus?, kind: JobKind?, limit: Int) async throws -> [Job] {
        var query = SQLQueryString("SELECT * FROM jobs WHERE 1 = 1")
        if let status { query.appendInterpolation(unsafeRaw: " AND status = "); query.appendInterpolation(bind: status.rawValue) }
        if let kind { query.appendInterpolation(unsafeRaw: " AND kind = "); query.appendInterpolation(bind: kind.rawValue) }
        query.appendInterpolation(unsafeRaw: " ORDER BY id DESC LIMIT \(max(1, min(limit, 1000)))")
        return try await handle.sql.raw(query).all().compactMap(decode)
    }

    func retry(id: String, now: Date) async throws -> Bool {
        try await !handle.sql.raw("""
            UPDATE jobs SET status = 'queued', attempts = 0, last_error = NULL, run_at = \(bind: Timestamp.microseconds(now)),
              updated_at = \(bind: Timestamp.microseconds(now))
            WHERE id = \(bind: id) AND status IN ('dead', 'discarded') RETURNING id
            """).all().isEmpty
    }

    func discard(id: String, now: Date) async throws -> Bool {
        try await !handle.sql.raw("""
            UPDATE jobs SET status = 'discarded', updated_at = \(bind: Timestamp.microseconds(now))
            WHERE id = \(bind: id) AND status IN ('queued', 'dead') RETURNING id
            """).all().isEmpty
    }

    func counts() async throws -> JobCounts {
        let rows = try await handle.sql.raw("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status").all()
        var byStatus: [JobStatus: Int] = [:]
        for row in rows {
            if let status = JobStatus(rawValue: try row.string("status")) { byStatus[status] = Int(try row.int("n")) }
        }
        return JobCounts(byStatus: byStatus)
    }

    func purgeFinished(before date: Date) async throws -> Int {
        try await handle.sql.raw("""
            DELETE FROM jobs WHERE status IN ('succeeded', 'discarded') AND updated_at < \(bind: Timestamp.microseconds(date))
            RETURNING id
            """).all().count
    }

    private func decode(_ row: any SQLRow) throws -> Job? {
        guard let status = JobStatus(rawValue: try row.string("status")) else { return nil }
        return Job(
            id: try row.string("id"), kind: JobKind(rawValue: try row.string("kind")), payload: try row.string("payload"), status: status,
            uniqueKey: try row.optionalString("unique_key"), attempts: Int(try row.int("attempts")),
            maxAttempts: Int(try row.int("max_attempts")), runAt: try row.date("run_at"),
            lastError: try row.optionalString("last_error"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
