import Foundation
import Hummingbird
import RapportCore

/// Pages of the workspace need a signed-in user: the session cookie's user goes on the
/// context; without a live session the browser is sent to `/login`, which brings it back.
struct WebSessionMiddleware: RouterMiddleware {
    let users: UserService

    func handle(
        _ request: Request, context: RapportRequestContext, next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty,
            let active = try await users.session(token: token)
        else {
            let back = request.method == .get ? request.uri.description : "/inbox"
            return WebRedirect.to("/login?next=" + WebRedirect.encoded(back))
        }
        return try await next(request, context.signed(in: active))
    }
}
