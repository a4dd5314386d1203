import Foundation
import Hummingbird
import HTTPTypes
import RapportCore

/// Requires `Authorization: Bearer rpk_…` and puts the key, and so the workspace, on the context.
struct AuthenticationMiddleware: RouterMiddleware {
    let authenticator: KeyAuthenticator

    init(keys: APIKeyService, cache: APIKeyCache) {
        self.authenticator = KeyAuthenticator(keys: keys, cache: cache, kind: .secret)
    }

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
        guard let authenticated = try await authenticator.authenticate(secret, context: context) else {
            throw RapportError.unauthorized("The API key is not valid or was revoked.")
        }
        return try await next(request, authenticated)
    }
}
