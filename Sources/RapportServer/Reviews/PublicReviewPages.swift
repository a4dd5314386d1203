import Foundation
import Hummingbird
import RapportCore

/// A product's approved reviews for anyone: the shop's snippet (`/product.js`), the page (`/reviews/{workspace}/{product}`, with
/// schema.org JSON-LD) and the same as JSON for the shop's own pages (`…/data`, readable from
/// any origin, no credentials). A product is named by Rapport's id or by the shop's own.
struct PublicReviewPages {
    let reviews: ReviewService
    let links: ReviewLinks
    let models: ProductModelLinks
    let pages: WebPages

    /// The snippet a shop's product page embeds (`/product.js`): reviews, JSON-LD, AR links.
    static let snippet = BundledScript(resource: "product")

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.get("product.js") { _, _ in Self.snippet.response }
        group.get(RouterPath(SiteURL.productReviewsRoute)) { request, context in
            let workspaceID = try context.parameters.require("workspace")
            let found = try await reviews.publicReviews(workspaceID: workspaceID, productID: try Self.product(context))
            let view = try PublicReviewsPageView(found, url: links.page(workspaceID: workspaceID, productID: found.product.id, request: request))
            return try pages.render("reviews_public", context, title: "Reviews of \(found.product.title)", section: "reviews", view: view)
        }
        group.get(RouterPath(SiteURL.productReviewsRoute + "/data")) { request, context in
            let workspaceID = try context.parameters.require("workspace")
            let found = try await reviews.publicReviews(workspaceID: workspaceID, productID: try Self.product(context), withModels: true)
            let page = links.page(workspaceID: workspaceID, productID: found.product.id, request: request)
            var response = try JSONResponse.make(PublicReviewsResponse(found, url: page, modelURL: { models.file($0, request: request) }))
            response.headers[.accessControlAllowOrigin] = "*"
            return response
        }
    }

    /// The product as the address names it: Rapport's id, or the shop's own, percent-decoded (the
    /// snippet encodes it; Shopify's ids read `gid://shopify/Product/…`).
    private static func product(_ context: RapportRequestContext) throws -> String {
        let given = try context.parameters.require("product")
        return given.removingPercentEncoding ?? given
    }
}
