import Foundation
import Hummingbird
import RapportCore

/// A product's approved reviews for anyone: the page (`/reviews/{workspace}/{product}`, with
/// schema.org JSON-LD) and the same as JSON for the shop's own pages (`…/data`, readable from
/// any origin, no credentials).
struct PublicReviewPages {
    let reviews: ReviewService
    let links: ReviewLinks
    let pages: WebPages

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.get(RouterPath(SiteURL.productReviewsRoute)) { request, context in
            let (workspaceID, productID) = (try context.parameters.require("workspace"), try context.parameters.require("product"))
            let found = try await reviews.publicReviews(workspaceID: workspaceID, productID: productID)
            let view = try PublicReviewsPageView(found, url: links.page(workspaceID: workspaceID, productID: productID, request: request))
            return try pages.render("reviews_public", context, title: "Reviews of \(found.product.title)", section: "reviews", view: view)
        }
        group.get(RouterPath(SiteURL.productReviewsRoute + "/data")) { _, context in
            let found = try await reviews.publicReviews(
                workspaceID: try context.parameters.require("workspace"), productID: try context.parameters.require("product"))
            var response = try JSONResponse.make(PublicReviewsResponse(found))
            response.headers[.accessControlAllowOrigin] = "*"
            return response
        }
    }
}
