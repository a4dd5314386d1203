import Foundation

/// Stored responses to POSTs that carried an `Idempotency-Key`.
public protocol IdempotencyRepository: Sendable {
    /// Claims `key` for a request with `fingerprint`; returns the existing record if the key was used before.
    func claim(key: String, workspaceID: String, fingerprint: String, at date: Date) async throws -> IdempotencyRecord?
    /// Records the answer; `body` nil when it is not to be kept.
    func complete(key: String, workspaceID: String, status: Int, headers: String, body: String?) async throws
    /// Frees a claim whose request failed before it could be answered.
    func release(key: String, workspaceID: String) async throws
    /// Deletes the records created before `cutoff`; returns how many.
    func purge(createdBefore cutoff: Date) async throws -> Int
}
