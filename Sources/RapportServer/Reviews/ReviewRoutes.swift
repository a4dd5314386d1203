import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/products/{id}/reviews` (a product's reviews with its figures and public page;
/// a review taken in the customer's words) and `/api/v1/reviews` (the moderation queue by
/// status; a review approved, rejected with a reason, or answered in public).
struct ReviewRoutes {
    let reviews: ReviewService
    let links: ReviewLinks

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("products/:id/reviews") { request, context in
            let productID = try PathID.require(context, .product, "product")
            let status = try Self.status(request)
            let found = try await reviews.reviews(productID: productID, status: status, page: try PageParameters.read(request), as: context.actor)
            return try JSONResponse.make(ProductReviewsResponse(found, publicURL: links.page(workspaceID: context.actor.workspaceID, productID: productID, request: request)))
        }
        group.post("products/:id/reviews", requiring: .moderateReviews) { request, context in
            let productID = try PathID.require(context, .product, "product")
            let input = try await Self.input(of: request, context: context)
            return try JSONResponse.make(ReviewResponse(try await reviews.submit(productID: productID, input, as: context.actor)), status: .created)
        }
        group.get("reviews/settings") { _, context in
            try JSONResponse.make(ReviewSettingsResponse(try await reviews.settings(as: context.actor)))
        }
        group.put("reviews/settings", requiring: .moderateReviews) { request, context in
            let settings = try await Self.settings(of: request, context: context)
            return try JSONResponse.make(ReviewSettingsResponse(try await reviews.setSettings(settings, as: context.actor)))
        }
        group.get("reviews") { request, context in
            let found = try await reviews.queue(status: try Self.status(request), page: try PageParameters.read(request), as: context.actor)
            return try JSONResponse.make(ListResponse(data: found.items.map(ReviewResponse.init), hasMore: found.hasMore, lastID: found.items.last?.id))
        }
        group.get("reviews/:id") { _, context in
            try JSONResponse.make(ReviewResponse(try await reviews.find(id: try PathID.require(context, .review, "review"), as: context.actor)))
        }
        group.post("reviews/:id/approve", requiring: .moderateReviews) { _, context in
            try JSONResponse.make(ReviewResponse(try await reviews.approve(id: try PathID.require(context, .review, "review"), as: context.actor)))
        }
        group.post("reviews/:id/reject", requiring: .moderateReviews) { request, context in
            let id = try PathID.require(context, .review, "review")
            var body = try await JSONObjectReader.body(of: request, context: context)
            let reason = body.requiredString("reason", maxLength: ReviewRules.maximumReasonLength * 2)
            try body.finish()
            return try JSONResponse.make(ReviewResponse(try await reviews.reject(id: id, reason: reason ?? "", as: context.actor)))
        }
        group.post("reviews/:id/reply", requiring: .moderateReviews) { request, context in
            let id = try PathID.require(context, .review, "review")
            var body = try await JSONObjectReader.body(of: request, context: context)
            let text = body.nullableString("body", maxLength: ReviewRules.maximumBodyLength * 2)
            if text == nil { body.fail("body", "is required: the reply, or an empty text or null to take it down") }
            try body.finish()
            return try JSONResponse.make(ReviewResponse(try await reviews.reply(id: id, text: (text ?? nil) ?? "", as: context.actor)))
        }
    }

    /// `?status=pending|approved|rejected`; absent: every status.
    private static func status(_ request: Request) throws -> ReviewStatus? {
        guard let text = request.uri.queryParameters.get("status"), !text.isEmpty else { return nil }
        guard let status = ReviewStatus(rawValue: String(text)) else {
            throw RapportError.invalid(field: "status", "must be one of \(ReviewStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return status
    }

    /// Every field optional; what is left out takes its default (`ReviewSettings`).
    private static func settings(of request: Request, context: AuthenticatedRequestContext) async throws -> ReviewSettings {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var settings = ReviewSettings()
        if let on = body.bool("auto_approve") { settings.autoApprove = on }
        if let rating = body.integer("minimum_rating", in: 1...5) { settings.minimumRating = Int(rating) }
        if let verified = body.bool("verified_only") { settings.verifiedOnly = verified }
        if let links = body.bool("hold_links") { settings.holdLinks = links }
        if let photos = body.bool("hold_photos") { settings.holdPhotos = photos }
        // Repeats are dropped by the rules after reading; twice the limit bounds the reading itself.
        if let words = body.array("flagged_words") {
            if words.count > 2 * ReviewSettings.maximumFlaggedWords {
                body.fail("flagged_words", "may list at most \(ReviewSettings.maximumFlaggedWords) words")
            } else {
                settings.flaggedWords = words.enumerated().compactMap { index, value in
                    guard case .string(let word) = value else {
                        body.fail("flagged_words[\(index)]", "must be a string")
                        return nil
                    }
                    return word
                }
            }
        }
        try body.finish()
        return settings
    }

    /// `customer_id`, `order_id`, `rating`, `title`, `body`, `locale`, `photos`.
    private static func input(of request: Request, context: AuthenticatedRequestContext) async throws -> ReviewInput {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let customerID = body.requiredString("customer_id", maxLength: 64)
        if let id = customerID, !ResourceID.isValid(id, prefix: .customer) { body.fail("customer_id", "must be a customer id (`cus_…`)") }
        let orderID = body.string("order_id", maxLength: 64)
        if let id = orderID, !ResourceID.isValid(id, prefix: .order) { body.fail("order_id", "must be an order id (`ord_…`)") }
        let rating = body.integer("rating", in: 1...5)
        if rating == nil, !body.errors.contains(where: { $0.field == "rating" }) { body.fail("rating", "is required: a whole number from 1 to 5") }
        let title = body.string("title", maxLength: ReviewRules.maximumTitleLength * 2)
        let text = body.string("body", maxLength: ReviewRules.maximumBodyLength * 2)
        let locale = body.string("locale", maxLength: 64)
        let photos = Self.photos(&body)
        try body.finish()
        return ReviewInput(
            customerID: customerID ?? "", orderID: orderID, rating: Int(rating ?? 0), title: title ?? "", body: text ?? "", locale: locale,
            photos: photos)
    }

    /// `photos`: `[{"url", "width"?, "height"?, "alt"?}]`, read as written (`ReviewRules` checks
    /// them); twice the limit bounds the reading itself.
    private static func photos(_ body: inout JSONObjectReader) -> [ReviewPhoto] {
        guard let values = body.array("photos") else { return [] }
        guard values.count <= 2 * ReviewRules.maximumPhotos else {
            body.fail("photos", "may hold at most \(ReviewRules.maximumPhotos) photos")
            return []
        }
        return values.enumerated().compactMap { index, value in
            body.nested(value, at: "photos[\(index)]") { photo -> ReviewPhoto? in
                let url = photo.requiredString("url", maxLength: ReviewRules.maximumPhotoURLLength * 2)
                let side = Int64(ReviewRules.maximumPhotoSide)
                let width = photo.integer("width", in: 1...side)
                let height = photo.integer("height", in: 1...side)
                let alt = photo.string("alt", maxLength: ReviewRules.maximumPhotoAltLength * 2)
                return url.map { ReviewPhoto(url: $0, width: width.map(Int.init), height: height.map(Int.init), alt: alt) }
            } ?? nil
        }
    }
}
