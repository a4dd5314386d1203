import Foundation

/// `Idempotency-Key` on POST: the first request with a key runs and its successful answer is
/// kept for a day; a retry with the same key and body gets that answer again and runs nothing.
///
/// - Keys belong to whoever sent them (workspace and actor): another user or key using the
///   same key never sees the first one's answer.
/// - A claim whose request never finished (the process died between claim and answer) is
///   taken over after `claimLifetime` by the same request, so a key cannot stay stuck; each
///   claim holds a token, and only its holder may answer or free it.
/// - An answer that held a secret (`Cache-Control: no-store`, e.g. a webhook's signing secret)
///   is not kept: a retry is told so instead of getting the secret again.
public struct IdempotencyService: Sendable {
    /// How long a claim may go unanswered before a retry takes it over.
    public static let claimLifetime: TimeInterval = 60
    /// How long answers are kept.
    public static let retention: TimeInterval = 24 * 3600

    /// What to do with a request that carries a key.
    public enum Start: Sendable, Equatable {
        /// Run it; complete or release the key afterwards with this claim token.
        case proceed(token: String)
        /// Answered before: send this again.
        case replay(status: Int, location: String?, body: String)
    }

    let store: any DataStore
    let clock: any WallClock

    public init(store: any DataStore, clock: any WallClock) {
        self.store = store
        self.clock = clock
    }

    public func begin(key: String, fingerprint: String, as actor: Actor) async throws -> Start {
        guard (1...255).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw RapportError.invalid(field: "Idempotency-Key", "must be 1 to 255 visible ASCII characters")
        }
        let scoped = Self.scoped(key, actor)
        let now = clock.now()
        let token = RandomSecret.make(prefix: "", length: 24)
        let staleBefore = now.addingTimeInterval(-Self.claimLifetime)
        let (existing, tookOver) = try await store.write { session -> (IdempotencyRecord?, Bool) in
            guard let found = try await session.idempotency.claim(
                key: scoped, workspaceID: actor.workspaceID, fingerprint: fingerprint, token: token, at: now)
            else { return (nil, false) }
            // The same request, unanswered for too long: it died with its process; this one
            // takes the claim over (and the first, should it finish after all, records nothing).
            let stale = found.status == nil && found.fingerprint == fingerprint && found.createdAt < staleBefore
            guard stale else { return (found, false) }
            let took = try await session.idempotency.takeOver(
                key: scoped, workspaceID: actor.workspaceID, fingerprint: fingerprint, token: token, at: now, staleBefore: staleBefore)
            return (found, took)
        }
        guard let existing, !tookOver else { return .proceed(token: token) }
        guard existing.fingerprint == fingerprint else {
            throw RapportError.invalid(field: "Idempotency-Key", "was already used for a different request; use a new key for a new request")
        }
        guard let status = existing.status else {
            throw RapportError.conflict("A request with this Idempotency-Key is still being processed; retry shortly.")
        }
        guard let body = existing.body else {
            throw RapportError.conflict(
                "A request with this Idempotency-Key was answered already; the answer held a secret shown only once, so it is not kept. Look the result up instead.")
        }
        return .replay(status: status, location: existing.headers.flatMap { $0.isEmpty ? nil : $0 }, body: body)
    }

    /// Keeps a successful answer of the claim `token` holds; `body` nil when it held a secret.
    public func complete(key: String, token: String, status: Int, location: String?, body: String?, as actor: Actor) async throws {
        try await store.write { session in
            try await session.idempotency.complete(
                key: Self.scoped(key, actor), workspaceID: actor.workspaceID, token: token, status: status, headers: location ?? "", body: body)
        }
    }

    /// Frees the key of a request that failed: it changed nothing, so it may be tried again.
    public func release(key: String, token: String, as actor: Actor) async throws {
        try await store.write { session in
            try await session.idempotency.release(key: Self.scoped(key, actor), workspaceID: actor.workspaceID, token: token)
        }
    }

    /// Forgets answers older than `retention`; returns how many.
    public func purgeExpired() async throws -> Int {
        let cutoff = clock.now().addingTimeInterval(-Self.retention)
        return try await store.write { session in try await session.idempotency.purge(createdBefore: cutoff) }
    }

    static func scoped(_ key: String, _ actor: Actor) -> String {
        actor.label + "\u{1F}" + key
    }
}
