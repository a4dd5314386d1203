import Foundation
import Hummingbird
import Logging
import NIOCore
import RapportCore

/// Errors of the workspace's pages as pages: "not found", "not allowed", an expired form;
/// a page is never answered with an API problem document.
struct WebErrorMiddleware: RouterMiddleware {
    let pages: WebPages

    func handle(
        _ request: Request, context: RapportRequestContext, next: (Request, RapportRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch RapportError.notFound(let message) {
            return try pages.error(context, status: .notFound, title: "Not found", message: message)
        } catch RapportError.gone(let message) {
            return try pages.error(context, status: .gone, title: "Gone", message: message)
        } catch RapportError.forbidden(let message) {
            return try pages.error(context, status: .forbidden, title: "Not allowed", message: message)
        } catch RapportError.unauthorized {
            return WebRedirect.to("/login")
        } catch RapportError.invalid(let problems) {
            let message = problems.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
            return try pages.error(context, status: .unprocessableContent, title: "That did not work", message: message)
        } catch RapportError.conflict(let message) {
            return try pages.error(context, status: .conflict, title: "That did not work", message: message)
        } catch RapportError.mergedInto(let survivor) {
            // Only customers merge: their page lives on under the survivor's id.
            return WebRedirect.to("/customers/\(survivor)")
        } catch is StoreConflict {
            return try pages.error(
                context, status: .conflict, title: "That did not work", message: "Someone changed the same thing at the same moment; try again.")
        } catch is NIOTooManyBytesError {
            return try pages.error(
                context, status: .contentTooLarge, title: "Too large",
                message: "The form was larger than Rapport takes (\(WebForm.maximumSize / 1024) KiB); nothing was changed.")
        } catch let error as HTTPError {
            return try pages.error(context, status: error.status, title: "That did not work", message: error.body ?? "\(error.status)")
        } catch {
            context.logger.error("page failed", metadata: ["error": "\(error)"])
            return try pages.error(
                context, status: .internalServerError, title: "Something went wrong",
                message: "Rapport could not show this page. The error was logged with request id \(context.requestID).")
        }
    }
}
