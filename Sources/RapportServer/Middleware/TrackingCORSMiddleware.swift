import HTTPTypes
import Hummingbird
import RapportCore

/// CORS for the tracking calls, so the shop's pages on their own origin can send them (the
/// product snippet's `AR Viewed`, a shop's tracking script): a preflight is answered here,
/// before the write key is looked for (browsers send none with it), and every answer, errors
/// included, may be read from any origin. No credentials are allowed: the key travels in the
/// `Authorization` header the page sets itself, never in a cookie, so a page cannot borrow a
/// visitor's session.
struct TrackingCORSMiddleware: RouterMiddleware {
    static let allowedHeaders = "Authorization, Content-Type, Content-Encoding"

    func handle(
        _ request: Request, context: RapportRequestContext,
        next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        if request.method == .options { return Self.preflight(allowing: "*") }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = ProblemMiddleware().response(for: error, request: request, context: context)
        }
        response.headers[.accessControlAllowOrigin] = "*"
        response.headers[.accessControlExposeHeaders] = "Retry-After"
        return response
    }

    /// The answer to a browser's preflight: POST with a write key in `Authorization`, no
    /// credentials, remembered for a day.
    static func preflight(allowing origin: String) -> Response {
        var headers = HTTPFields()
        headers[.accessControlAllowOrigin] = origin
        headers[.accessControlAllowMethods] = "POST"
        headers[.accessControlAllowHeaders] = allowedHeaders
        headers[.accessControlMaxAge] = "86400"
        if origin != "*" { headers[.vary] = "Origin" }
        return Response(status: .noContent, headers: headers)
    }
}
