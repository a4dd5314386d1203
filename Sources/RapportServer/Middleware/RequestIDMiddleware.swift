import Foundation
import Hummingbird
import HTTPTypes
import RapportCore

/// Gives every request an id: the caller's `X-Request-Id` if it is sane, else a new one. It is
/// echoed in the response and set on every log line of the request.
struct RequestIDMiddleware: RouterMiddleware {
    static let header = HTTPField.Name("X-Request-Id")!
    let clock: any WallClock

    func handle(
        _ request: Request, context: RapportRequestContext,
        next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        let given = request.headers[Self.header].flatMap { value in
            value.count <= 128 && value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
                ? value : nil
        }
        context.requestID = given ?? ResourceID.make(.request, at: clock.now())
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        var response = try await next(request, context)
        response.headers[Self.header] = context.requestID
        return response
    }
}
