import Foundation
import Hummingbird
import HTTPTypes
import RapportChannels
import RapportCore

/// Requires `Authorization: Bearer rpk_…`, or the web workspace's session cookie, and puts who
/// is asking (and so the workspace) on the context. A request signed in by cookie that changes
/// something must repeat the session's CSRF token in `X-CSRF-Token`.
struct AuthenticationMiddleware: RouterMiddleware {
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    let authenticator: KeyAuthenticator
    let users: UserService

    init(keys: APIKeyService, cache: APIKeyCache, users: UserService) {
        self.authenticator = KeyAuthenticator(keys: keys, cache: cache, kinds: [.secret])
        self.users = users
    }

    func handle(
        _ request: Request, context: RapportRequestContext,
        next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            if let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty {
                return try await next(request, try await signedIn(token: token, request: request, context: context))
            }
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

    private func signedIn(token: String, request: Request, context: RapportRequestContext) async throws -> RapportRequestContext {
        guard let active = try await users.session(token: token) else {
            throw RapportError.unauthorized("The session has ended; sign in again.")
        }
        if ![.get, .head, .options].contains(request.method) {
            let sent = request.headers[Self.csrfHeader] ?? ""
            guard WebhookSignature.constantTimeEquals(sent, active.session.csrfToken) else {
                throw RapportError.forbidden("Send the session's CSRF token in X-CSRF-Token with every change made by cookie.")
            }
        }
        return context.signed(in: active)
    }
}
