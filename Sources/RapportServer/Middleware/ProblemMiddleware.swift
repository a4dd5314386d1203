import Hummingbird
import HTTPTypes
import NIOCore
import RapportCore

/// Turns every error into an RFC 9457 problem response. Anything it does not recognise is a
/// bug: logged with the request id and answered 500 without internals.
struct ProblemMiddleware: RouterMiddleware {
    func handle(
        _ request: Request, context: RapportRequestContext,
        next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return response(for: error, request: request, context: context)
        }
    }

    func response(for error: any Error, request: Request, context: RapportRequestContext) -> Response {
        let path = request.uri.path
        switch error {
        case RapportError.invalid(let errors):
            let fields = errors.map(\.field).joined(separator: ", ")
            return ProblemDetails.make(
                .unprocessableContent, detail: "The request has invalid fields: \(fields).", errors: errors,
                context: context, path: path)
        case RapportError.notFound(let message):
            return ProblemDetails.make(.notFound, detail: message, context: context, path: path)
        case RapportError.conflict(let message):
            return ProblemDetails.make(.conflict, detail: message, context: context, path: path)
        case RapportError.mergedInto(let survivor):
            return ProblemDetails.make(
                .conflict, detail: "This customer was merged into \(survivor); use that id.", context: context, path: path)
        case RapportError.gone(let message):
            return ProblemDetails.make(.gone, detail: message, context: context, path: path)
        case is StoreConflict:
            return ProblemDetails.make(
                .conflict, detail: "Another request changed the same data at the same moment; retry this one.",
                context: context, path: path)
        case RapportError.unauthorized(let message):
            var response = ProblemDetails.make(.unauthorized, detail: message, context: context, path: path)
            response.headers[.wwwAuthenticate] = "Bearer realm=\"rapport\""
            return response
        case RapportError.forbidden(let message):
            return ProblemDetails.make(.forbidden, detail: message, context: context, path: path)
        case RapportError.tooManyAttempts(let message, let seconds):
            var response = ProblemDetails.make(.tooManyRequests, detail: message, context: context, path: path)
            response.headers[.retryAfter] = String(seconds)
            return response
        case RapportError.overloaded(let message, let seconds):
            var response = ProblemDetails.make(.serviceUnavailable, detail: message, context: context, path: path)
            response.headers[.retryAfter] = String(seconds)
            return response
        case BodyError.malformedJSON(let reason):
            return ProblemDetails.make(
                .badRequest, detail: "The body is not valid JSON: \(reason)", context: context, path: path)
        case BodyError.notAnObject:
            return ProblemDetails.make(.badRequest, detail: "The body must be a JSON object.", context: context, path: path)
        case BodyError.unsupportedMediaType(let given):
            return ProblemDetails.make(
                .unsupportedMediaType, detail: "Send the body as application/json, not \(given).", context: context, path: path)
        case BodyError.tooLarge(let message):
            return ProblemDetails.make(.contentTooLarge, detail: message, context: context, path: path)
        case BodyError.unsupportedEncoding(let given):
            return ProblemDetails.make(
                .unsupportedMediaType, detail: "Content-Encoding \(given) is not supported; send gzip or no encoding.",
                context: context, path: path)
        case BodyError.corruptEncoding:
            return ProblemDetails.make(
                .badRequest, detail: "The body is not valid gzip data.", context: context, path: path)
        case is NIOTooManyBytesError:
            return ProblemDetails.make(
                .contentTooLarge, detail: "The body is larger than 1 MiB.", context: context, path: path)
        case let error as HTTPError:
            let detail = error.body ?? (error.status == .notFound ? "No such endpoint: \(request.method) \(path)." : error.status.reasonPhrase)
            return ProblemDetails.make(error.status, detail: detail, context: context, path: path)
        default:
            context.logger.error("unhandled error", metadata: ["error": .string(String(reflecting: error))])
            return ProblemDetails.make(
                .internalServerError, detail: "Something went wrong on our side; the request id helps us find it.",
                context: context, path: path)
        }
    }
}
