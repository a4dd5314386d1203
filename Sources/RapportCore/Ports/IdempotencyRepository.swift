import Foundation

/// Stored responses to POSTs that carried an `Idempotency-Key`.
public protocol IdempotencyRepository: Sendable {
    /// Claims `key` for a request with `fingerprint`, held by `token`; returns the existing
    /// record (and claims nothing) if the key was used before.
    func claim(key: String, workspaceID: String, fingerprint: String, token: String, at date: Date) async throws -> IdempotencyRecord?
    /// Takes over an unanswered claim of the same request made before `staleBefore`; false when
    /// there is none (it was answered, or is younger, or is another request's).
    func takeOver(key: String, workspaceID: String, fingerprint: String, token: String, at date: Date, staleBefore: Date) async throws -> Bool
    /// Records the answer of the claim `token` holds; `body` nil when it is not to be kept.
    func complete(key: String, workspaceID: String, token: String, status: Int, headers: String, body: String?) async throws
    /// Frees the claim `token` holds, when its request failed before it could be answered.
    func release(key: String, workspaceID: String, token: String) async throws
    /// Deletes the records created before `cutoff`; returns how many.
    func purge(createdBefore cutoff: Date) async throws -> Int
}
