import HTTPTypes
import Hummingbird

/// Headers every page of the web workspace carries: a Content Security Policy that allows
/// only Rapport's own scripts, styles and connections (no inline script, no CDN), no framing,
/// no MIME sniffing, and no caching of pages that show customers' data. A route that needs
/// another policy (the campaign preview, framed by the campaign's page) sets its own.
struct SecurityHeadersMiddleware: RouterMiddleware {
    static let policy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: https:", "connect-src 'self'",
        "font-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(
        _ request: Request, context: RapportRequestContext, next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        // A page that frames or is framed sets its own (the campaign page and its preview), and
        // the click redirect its referrer policy; every other response gets these.
        if response.headers[Self.contentSecurityPolicy] == nil { response.headers[Self.contentSecurityPolicy] = Self.policy }
        response.headers[Self.contentTypeOptions] = "nosniff"
        if response.headers[Self.frameOptions] == nil { response.headers[Self.frameOptions] = "DENY" }
        if response.headers[Self.referrerPolicy] == nil { response.headers[Self.referrerPolicy] = "same-origin" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
