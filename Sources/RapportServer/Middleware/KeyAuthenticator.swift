import Foundation
import RapportCore

/// Checks a presented secret against the keys of some kinds (through the cache) and puts the
/// key, and so the workspace, on the request's context.
struct KeyAuthenticator: Sendable {
    let keys: APIKeyService
    let cache: APIKeyCache
    let kinds: Set<APIKeyKind>
    var clock: any WallClock { keys.clock }

    /// The context with the key on it, or nil when the secret is not a live key of this kind.
    func authenticate(_ secret: String, context: RapportRequestContext) async throws -> RapportRequestContext? {
        let key = try await cache.key(for: secret, now: clock.now()) { try await keys.authenticate(secret: secret, kinds: kinds) }
        guard let key else { return nil }
        var context = context
        context.apiKey = key
        context.logger[metadataKey: "api_key"] = .string(key.id)
        return context
    }
}
