import HTTPTypes
import Hummingbird
import RapportCore

/// CORS for a form's answers, sent from the shop's pages with its browser key. The page's
/// origin is echoed (with `Vary: Origin`); whether the form takes answers from it is the form's
/// `allowed_origins`, checked by `FormService` before anything is stored, so a page elsewhere
/// gets a 403 it may read and changes nothing. No credentials are ever allowed.
struct FormCORSMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: RapportRequestContext,
        next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        let origin = request.headers[.origin]
        if request.method == .options { return TrackingCORSMiddleware.preflight(allowing: origin ?? "*") }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = ProblemMiddleware().response(for: error, request: request, context: context)
        }
        response.headers[.accessControlAllowOrigin] = origin ?? "*"
        response.headers[.vary] = "Origin"
        response.headers[.accessControlExposeHeaders] = "Retry-After"
        return response
    }
}
