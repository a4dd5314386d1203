import Foundation
import Hummingbird
import RapportCore

/// A review request's page for the customer (`/review/{workspace}/{order}/{expires}/{signature}`):
/// the link from the message is the only credential (a forged one is a 404, a closed one a
/// 410). Each product still to review has its own form; a product's review is its `POST`.
/// Someone signed in to the workspace can look but not write, and their look is not counted
/// as the customer opening it.
struct ReviewRequestPages {
    let reviews: ReviewService
    let users: UserService
    let pages: WebPages

    struct Form: Decodable {
        let productID: String?
        let rating: String?
        let title: String?
        let body: String?

        enum CodingKeys: String, CodingKey {
            case productID = "product_id", rating, title, body
        }
    }

    func register(on group: RouterGroup<RapportRequestContext>) {
        let route = RouterPath(SiteURL.reviewRequestRoute)
        group.get(route) { request, context in
            let (link, signature) = try Self.link(context)
            let page = try await reviews.requestPage(link, signature: signature)
            // The team looking is no open; a count that fails never keeps the customer from the page.
            if try await !SessionCookie.isSignedIn(request, users: users) {
                do {
                    try await reviews.recordOpen(of: page)
                } catch {
                    context.logger.error("The opening of the review request of \(link.orderID) was not recorded: \(error)")
                }
            }
            return try render(page, signature: signature, context: context)
        }
        group.post(route) { request, context in
            let (link, signature) = try Self.link(context)
            // A review is the customer's to write: one by the team in their name would be a fake.
            if try await SessionCookie.isSignedIn(request, users: users) {
                throw RapportError.forbidden("You are signed in to the workspace: a review is the customer's to write. Open the link signed out.")
            }
            let form = try await WebForm.read(request, context: context, checkingCSRF: false).decode(Form.self)
            let productID = form.productID ?? ""
            let answer = ReviewRequestAnswer(
                productID: productID, rating: form.rating.flatMap { Int($0) } ?? 0, title: form.title ?? "", body: form.body ?? "")
            do {
                return try render(try await reviews.answerRequest(link, signature: signature, answer: answer), signature: signature, context: context)
            } catch RapportError.invalid(let problems) {
                // Shown again at the product, with what was typed kept.
                let page = try await reviews.requestPage(link, signature: signature)
                let message = problems.map(WebFormat.problem).joined(separator: " ")
                return try render(
                    page, signature: signature, context: context, problem: (answer, message), status: .unprocessableContent)
            }
        }
    }

    private static func link(_ context: RapportRequestContext) throws -> (ReviewRequestLink, String) {
        let link = ReviewRequestLink(
            workspaceID: try context.parameters.require("workspace"), orderID: try context.parameters.require("order"),
            expires: try context.parameters.require("expires"))
        return (link, try context.parameters.require("signature"))
    }

    private func render(
        _ page: ReviewRequestPage, signature: String, context: RapportRequestContext, problem: (answer: ReviewRequestAnswer, message: String)? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let link = page.link
        let action = SiteURL.reviewRequest(workspaceID: link.workspaceID, orderID: link.orderID, expires: link.expires, signature: signature).path
        return try pages.render(
            "review_request", context, title: "Review your order from \(page.store)", section: "review",
            view: ReviewRequestPageView(page, action: action, problem: problem), status: status)
    }
}
