import Foundation
import Hummingbird
import HTTPTypes
import RapportCore

/// Requires `Authorization: Bearer rpk_…` and puts the key, and so the workspace, on the context.
struct AuthenticationMiddleware: RouterMiddleware {
    let keys: APIKeyService
    let cache: APIKeyCache

    func handle(
        _ request: Request, context: RapportRequestContext,
        next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw RapportError.unauthorized("Send an API key as Authorization: Bearer rpk_… (create one with `rapport keys create`).")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw RapportError.unauthorized("The Authorization header must be Bearer followed by an API key.")
        }
        let secret = String(parts[1]).trimmingCharacters(in: .whitespaces)
        let key = try await cache.key(for: secret, now: Date()) { try await keys.authenticate(secret: secret) }
        guard let key else {
            throw RapportError.unauthorized("The API key is not valid or was revoked.")
        }
        var context = context
        context.apiKey = key
        context.logger[metadataKey: "api_key"] = .string(key.id)
        return try await next(request, context)
    }
}
