import Foundation
import Hummingbird
import RapportCore

/// `/products/reviews`: the moderation queue of product reviews by status (pending first),
/// newest first, with each review's product, author, rating, words, verified-buyer mark and
/// sentiment. Those who moderate approve, reject with a reason, and answer in public; each
/// action goes through `ReviewService` (audited) and comes back to the same tab.
struct ReviewPages {
    static let pageSize = 30

    let reviews: ReviewService
    let customers: CustomerService
    let commerce: CommerceService
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("products/reviews", use: list)
        group.post("products/reviews/settings", requiring: .moderateReviews, use: saveRules)
        group.post("products/reviews/:id/approve", requiring: .moderateReviews, use: approve)
        group.post("products/reviews/:id/reject", requiring: .moderateReviews, use: reject)
        group.post("products/reviews/:id/reply", requiring: .moderateReviews, use: reply)
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let saved = query["rules"] == "saved"
        return try await render(context: context, status: Self.status(query["status"].map(String.init)), after: query["after"].map(String.init)) {
            $0.rules?.rulesSaved = saved
        }
    }

    /// The moderation rules as the form says; a refused one is shown again as typed.
    @Sendable func saveRules(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let words = (form["flagged_words"] ?? "").split(whereSeparator: { $0.isNewline || $0 == "," }).map(String.init)
        let settings = ReviewSettings(
            autoApprove: WebFormDecoder.isTrue(form["auto_approve"]), minimumRating: Int(form["minimum_rating"] ?? "") ?? 0,
            verifiedOnly: WebFormDecoder.isTrue(form["verified_only"]), holdLinks: WebFormDecoder.isTrue(form["hold_links"]),
            holdPhotos: WebFormDecoder.isTrue(form["hold_photos"]), flaggedWords: words)
        do {
            _ = try await reviews.setSettings(settings, as: context.actor)
        } catch RapportError.invalid(let problems) {
            return try await render(context: context, status: .pending, after: nil, httpStatus: .unprocessableContent) { view in
                view.rules = Self.rules(settings, text: form["flagged_words"] ?? "")
                view.rules?.rulesError = problems.map(WebFormat.problem).joined(separator: " ")
            }
        }
        return WebRedirect.to("/products/reviews?rules=saved#rules")
    }

    @Sendable func approve(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WebForm.read(request, context: context)
        _ = try await reviews.approve(id: id, as: context.actor)
        return WebRedirect.to(Self.back(form, id: id))
    }

    /// `reason` is required: a rejection without one is shown again, under the review, as a 422.
    @Sendable func reject(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WebForm.read(request, context: context)
        do {
            _ = try await reviews.reject(id: id, reason: form["reason"] ?? "", as: context.actor)
        } catch RapportError.invalid(let problems) {
            return try await refused(context: context, form: form, id: id, problems: problems) { $0.reasonDraft = form["reason"] }
        }
        return WebRedirect.to(Self.back(form, id: id))
    }

    /// `body`: the public answer; empty takes it down.
    @Sendable func reply(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WebForm.read(request, context: context)
        let text = form["body"] ?? ""
        do {
            _ = try await reviews.reply(id: id, text: text, as: context.actor)
        } catch RapportError.invalid(let problems) {
            return try await refused(context: context, form: form, id: id, problems: problems) { $0.replyDraft = text }
        }
        return WebRedirect.to(Self.back(form, id: id))
    }

    // MARK: Rendering

    /// The tab and page the refused action came from, again, with the message and what was typed
    /// under the review — or above the list, should the review no longer be on that page.
    private func refused(
        context: SignedInRequestContext, form: WebForm, id: String, problems: [FieldError], keep: @escaping (inout ReviewsPageView.Row) -> Void
    ) async throws -> Response {
        let message = problems.map(WebFormat.problem).joined(separator: " ")
        return try await render(context: context, status: Self.status(form["status"]), after: form["after"], httpStatus: .unprocessableContent) { view in
            guard let index = view.rows.firstIndex(where: { $0.id == id }) else {
                view.pageError = message
                return
            }
            view.rows[index].error = message
            keep(&view.rows[index])
        }
    }

    private func render(
        context: SignedInRequestContext, status: ReviewStatus, after: String?, httpStatus: HTTPResponse.Status = .ok,
        adjust: (inout ReviewsPageView) -> Void = { _ in }
    ) async throws -> Response {
        let actor = context.actor
        let after = after.flatMap { ResourceID.isValid($0, prefix: .review) ? $0 : nil }
        let page = try await reviews.queue(status: status, page: try PageRequest(limit: Self.pageSize, startingAfter: after), as: actor)
        let authors = Dictionary(
            try await customers.customers(ids: Array(Set(page.items.map(\.customerID))), as: actor).map { ($0.id, WebFormat.customerName($0)) },
            uniquingKeysWith: { first, _ in first })
        var titles: [String: String] = [:]
        for productID in Set(page.items.map(\.productID)) {
            titles[productID] = (try? await commerce.product(id: productID, as: actor))?.title ?? productID
        }
        let mayModerate = actor.may(.moderateReviews)
        let rows = page.items.map { review in
            ReviewsPageView.Row(
                id: review.id, productID: review.productID, productTitle: titles[review.productID] ?? review.productID,
                customerID: review.customerID, author: authors[review.customerID] ?? "A customer no longer on record",
                rating: review.rating, stars: WebFormat.stars(review.rating), headline: review.title.isEmpty ? nil : review.title,
                body: review.body.isEmpty ? nil : review.body, photos: review.photos.map(ReviewPhotoView.init), hasPhotos: !review.photos.isEmpty,
                verified: review.verified, locale: review.locale,
                mood: WebFormat.mood(review.sentiment), status: review.status.rawValue, rejectionReason: review.rejectionReason,
                holdReason: review.status == .pending ? review.holdReason : nil, reply: review.reply, source: review.source, when: WebFormat.time(review.createdAt), whenISO: WebFormat.iso(review.createdAt),
                mayApprove: mayModerate && review.status != .approved, mayReject: mayModerate && review.status != .rejected,
                mayReply: mayModerate, statusTab: status.rawValue)
        }
        let next = page.hasMore ? page.items.last.map { "/products/reviews?status=\(status.rawValue)&after=\($0.id)" } : nil
        var view = ReviewsPageView(
            status: status.rawValue, after: after,
            tabs: ReviewStatus.allCases.map { ReviewsPageView.Tab(status: $0.rawValue, label: $0.rawValue.capitalized, current: $0 == status) },
            rows: rows, empty: rows.isEmpty, next: next, mayModerate: mayModerate)
        if mayModerate {
            let settings = try await reviews.settings(as: actor)
            view.rules = Self.rules(settings, text: settings.flaggedWords.joined(separator: "\n"))
        }
        adjust(&view)
        return try pages.render("reviews", context, title: "Reviews", section: "reviews", view: view, status: httpStatus)
    }

    private static func rules(_ settings: ReviewSettings, text: String) -> ReviewsPageView.Rules {
        ReviewsPageView.Rules(
            autoApprove: settings.autoApprove,
            ratingOptions: (1...5).reversed().map { ChoiceView(value: String($0), label: "\($0) stars", selected: $0 == settings.minimumRating) },
            verifiedOnly: settings.verifiedOnly, holdLinks: settings.holdLinks, holdPhotos: settings.holdPhotos, flaggedWordsText: text)
    }

    /// `?status=`: pending when absent or unknown (the queue is what the page is for).
    private static func status(_ text: String?) -> ReviewStatus {
        text.flatMap(ReviewStatus.init(rawValue:)) ?? .pending
    }

    /// Back to the tab and page the action was taken on, at the review that moved.
    private static func back(_ form: WebForm, id: String) -> String {
        let after = form["after"].flatMap { ResourceID.isValid($0, prefix: .review) ? "&after=\($0)" : nil } ?? ""
        return "/products/reviews?status=\(status(form["status"]).rawValue)\(after)#\(id)"
    }

    private static func id(_ context: SignedInRequestContext) throws -> String {
        try PathID.require(context, .review, "review")
    }
}
