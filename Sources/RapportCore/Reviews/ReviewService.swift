import Foundation
import RapportLearning

/// Product reviews: taken through the API (checked, a verified buyer only when the order was
/// delivered with the product in it, sentiment scored), moderated (approved, rejected with a
/// reason, answered by the seller in public; each audited), listed with the product's figures,
/// and shown to anyone on the product's public page, approved ones only.
public struct ReviewService: Sendable {
    public static let publicPageSize = 50
    /// The tracked event every review taken records on its author (Segment's e-commerce name),
    /// which the post-purchase journey's goal waits for.
    public static let reviewedEvent = "Product Reviewed"

    let customers: CustomerService
    let signer: any LinkSigner
    var context: CoreContext { customers.context }
    var store: any DataStore { context.store }
    var clock: any WallClock { context.clock }

    public init(customers: CustomerService, signer: any LinkSigner) {
        self.customers = customers
        self.signer = signer
    }

    /// A review of `productID` in the customer's words; pending until approved.
    public func submit(productID: String, _ input: ReviewInput, source: String = "api", as actor: Actor) async throws -> Review {
        try actor.require(.moderateReviews)
        let input = try ReviewRules.checked(input)
        return try await context.write { transaction in
            let session = transaction.session
            guard try await session.catalog.find(id: productID, workspaceID: actor.workspaceID) != nil else {
                throw RapportError.notFound("No product with id \(productID.prefix(64)).")
            }
            let customer: Customer
            do {
                // A shop keeps the ids it was given: a merged-away one names the survivor.
                customer = try await customers.liveCustomerOrSurvivor(id: input.customerID, workspaceID: actor.workspaceID, session: session)
            } catch RapportError.notFound(let message) {
                throw RapportError.invalid(field: "customer_id", message)
            }
            var order: Order?
            if let orderID = input.orderID {
                guard let found = try await session.orders.find(id: orderID, workspaceID: actor.workspaceID), found.customerID == customer.id else {
                    throw RapportError.invalid(field: "order_id", "must be an order of customer \(customer.id)")
                }
                order = found
            }
            guard let review = try await take(productID: productID, input, customerID: customer.id, order: order, source: source, as: actor, in: transaction)
            else {
                throw RapportError.conflict("Customer \(customer.id) has already reviewed product \(productID).")
            }
            return review
        }
    }

    /// Stores a checked review of a customer found live (verified when `order` was delivered
    /// with the product in it), under the workspace's moderation rules, audited as `actor`, and
    /// records the customer's `Product Reviewed` event; nil when they had reviewed it already.
    func take(
        productID: String, _ input: ReviewInput, customerID: String, order: Order?, source: String, as actor: Actor, in transaction: WriteTransaction
    ) async throws -> Review? {
        let session = transaction.session
        let now = clock.now()
        let verified = order.map { ReviewRules.isVerifiedBuyer(order: $0, customerID: customerID, productID: productID) } ?? false
        var review = Review(
            id: ResourceID.make(.review, at: now), workspaceID: actor.workspaceID, productID: productID, customerID: customerID,
            orderID: order?.id, rating: input.rating, title: input.title, body: input.body, locale: input.locale, photos: input.photos, verified: verified,
            sentiment: ReviewRules.sentiment(title: input.title, body: input.body), source: source, submittedBy: actor.label,
            createdAt: now, updatedAt: now)
        Self.moderate(&review, settings: try await session.reviews.settings(workspaceID: actor.workspaceID) ?? .standard, at: now)
        guard try await session.reviews.insert(review) else { return nil }
        try await LoyaltyService.settleReview(review, in: transaction)
        try await transaction.audit(
            AuditRecord(.reviewSubmitted, subject: .review(review.id), details: ["product_id": productID, "customer_id": customerID]), by: actor)
        if review.status == .approved {
            try await transaction.audit(
                AuditRecord(.reviewApproved, subject: .review(review.id), details: ["by": ReviewModeration.ruleActor]), by: actor)
        }
        var properties: [String: JSONValue] = ["product_id": .string(productID), "rating": .number(Double(review.rating)), "review_id": .string(review.id)]
        if let orderID = order?.id { properties["order_id"] = .string(orderID) }
        try await TrackingService.recordRapportEvent(
            Self.reviewedEvent, customerID: customerID, workspaceID: actor.workspaceID, properties: properties, messageID: TrackingService.rapportMessagePrefix + "review:\(review.id)",
            in: transaction)
        return review
    }

    /// A review as it arrives, under the workspace's rules: approved by the rule, or held with
    /// the reason.
    static func moderate(_ review: inout Review, settings: ReviewSettings, at now: Date) {
        switch ReviewModeration.decide(review, settings: settings) {
        case .approve:
            review.status = .approved
            review.moderatedBy = ReviewModeration.ruleActor
            review.moderatedAt = now
        case .hold(let reason):
            review.holdReason = reason
        }
    }

    /// The workspace's moderation settings (`ReviewSettings.standard` before any were saved).
    public func settings(as actor: Actor) async throws -> ReviewSettings {
        try await store.read { session in try await session.reviews.settings(workspaceID: actor.workspaceID) ?? .standard }
    }

    /// Sets the whole of the moderation settings; reviews already taken stay as they are.
    public func setSettings(_ settings: ReviewSettings, as actor: Actor) async throws -> ReviewSettings {
        try actor.require(.moderateReviews)
        let settings = try ReviewModeration.checked(settings)
        return try await context.write { transaction in
            try await transaction.session.reviews.save(settings, workspaceID: actor.workspaceID, at: transaction.now)
            try await transaction.audit(
                AuditRecord(
                    .reviewSettingsChanged, subject: .workspace(actor.workspaceID),
                    details: ["auto_approve": String(settings.autoApprove), "minimum_rating": String(settings.minimumRating),
                              "verified_only": String(settings.verifiedOnly), "hold_links": String(settings.holdLinks),
                              "hold_photos": String(settings.holdPhotos), "flagged_words": String(settings.flaggedWords.count)]),
                by: actor)
            return settings
        }
    }

    public func find(id: String, as actor: Actor) async throws -> Review {
        try await store.read { session in try await existing(id, workspaceID: actor.workspaceID, session: session) }
    }

    /// Shown on the shop. Approving an approved review changes nothing.
    public func approve(id: String, as actor: Actor) async throws -> Review {
        try await moderate(id, as: actor) { review, now in
            guard review.status != .approved else { return false }
            review.status = .approved
            review.rejectionReason = nil
            return true
        }
    }

    /// Kept off the shop, with the reason (the team's, not shown to the customer).
    public func reject(id: String, reason: String, as actor: Actor) async throws -> Review {
        let reason = reason.trimmed
        guard !reason.isEmpty, reason.count <= ReviewRules.maximumReasonLength else {
            throw RapportError.invalid(field: "reason", "is required: 1 to \(ReviewRules.maximumReasonLength) characters")
        }
        return try await moderate(id, as: actor) { review, _ in
            review.status = .rejected
            review.rejectionReason = reason
            return true
        }
    }

    /// The seller's public answer under the review; an empty text takes it down.
    public func reply(id: String, text: String, as actor: Actor) async throws -> Review {
        let text = text.trimmed
        guard text.count <= ReviewRules.maximumBodyLength else {
            throw RapportError.invalid(field: "body", "must be at most \(ReviewRules.maximumBodyLength) characters")
        }
        return try await moderate(id, as: actor, audited: .reviewReplied) { review, now in
            review.reply = text.isEmpty ? nil : text
            // The first reply's time stays through edits: how fast the shop answered, not when it last fixed a typo.
            review.repliedAt = text.isEmpty ? nil : (review.repliedAt ?? now)
            return true
        }
    }

    /// The product's figures and a page of its reviews, newest first (in one status, or all); on
    /// the first page, the topics its approved reviews mention (mined after the read, off the
    /// database's connection).
    public func reviews(productID: String, status: ReviewStatus?, page: PageRequest, as actor: Actor) async throws -> ProductReviews {
        let (read, texts) = try await store.read { session in
            let found = try await productReviews(productID: productID, workspaceID: actor.workspaceID, status: status, page: page, session: session)
            let texts = page.startingAfter == nil ? try await topicTexts(productID: productID, workspaceID: actor.workspaceID, session: session) : []
            return (found, texts)
        }
        var found = read
        found.topics = ReviewTopicMiner().topics(texts)
        return found
    }

    /// How many of a product's newest approved reviews its topics are mined from.
    public static let topicReviews = 500

    /// The product's newest approved reviews the figures count (authors still on record), as
    /// the topic miner reads them.
    private func topicTexts(productID: String, workspaceID: String, session: any StoreSession) async throws -> [ReviewTopicMiner.Text] {
        var texts: [ReviewTopicMiner.Text] = []
        var cursor: String?
        repeat {
            let page = try await session.reviews.list(
                workspaceID: workspaceID, productID: productID, status: .approved, liveAuthorsOnly: true,
                page: try PageRequest(limit: PageRequest.maximumLimit, startingAfter: cursor))
            texts += page.items.map { ReviewTopicMiner.Text(rating: $0.rating, text: $0.title + ". " + $0.body) }
            cursor = page.hasMore ? page.items.last?.id : nil
        } while cursor != nil && texts.count < Self.topicReviews
        return texts
    }

    /// Every product's reviews in one status (the moderation queue: `pending`), newest first.
    public func queue(status: ReviewStatus?, page: PageRequest, as actor: Actor) async throws -> Page<Review> {
        try await store.read { session in
            try await session.reviews.list(workspaceID: actor.workspaceID, productID: nil, status: status, liveAuthorsOnly: false, page: page)
        }
    }

    /// What the product's public page shows anyone: an active product's approved reviews by
    /// customers still on record (not merged away or deleted), the newest 50, with authors as
    /// a first name and an initial.
    /// `productID` is Rapport's (`prd_…`) or the shop's own id for the product (what a product
    /// page's snippet knows), matched in any of the workspace's sources. `withModels`: with the
    /// product's 3D files, for the snippet.
    public func publicReviews(workspaceID: String, productID: String, withModels: Bool = false) async throws -> ProductReviews {
        guard ResourceID.isValid(workspaceID, prefix: .workspace), !productID.isEmpty, productID.utf8.count <= 200 else {
            throw RapportError.notFound("No such product.")
        }
        return try await store.read { session in
            var id = productID
            if !ResourceID.isValid(productID, prefix: .product) {
                guard let match = try await session.catalog.find(externalID: productID, workspaceID: workspaceID) else {
                    throw RapportError.notFound("No such product.")
                }
                id = match.id
            }
            var found = try await productReviews(
                productID: id, workspaceID: workspaceID, status: .approved, page: try PageRequest(limit: Self.publicPageSize),
                liveAuthorsOnly: true, session: session)
            guard found.product.active else { throw RapportError.notFound("No such product.") }
            if withModels { found.models = try await session.productModels.list(productID: id, workspaceID: workspaceID) }
            for customer in try await session.customers.find(ids: Array(Set(found.reviews.items.map(\.customerID))), workspaceID: workspaceID) {
                found.authors[customer.id] = Self.author(firstName: customer.profile.firstName, lastName: customer.profile.lastName)
            }
            // An imported review shows the name it was published under (a pseudonym stays one).
            for review in found.reviews.items {
                if let name = review.authorName { found.authors[review.customerID] = Self.author(displayName: name) }
            }
            return found
        }
    }

    /// Who a review is by when nothing names its author.
    public static let anonymousAuthor = "A customer"

    /// "Anna S.", "Anna", or "A customer": never more of a name than that. Only the first word
    /// of the first name (imports put whole names there), and nothing that looks like an
    /// address or a number.
    static func author(firstName: String?, lastName: String?) -> String {
        guard let first = firstName?.split(whereSeparator: \.isWhitespace).first.map(String.init),
            !first.contains("@"), !first.contains(where: \.isNumber), first.count <= 40
        else { return anonymousAuthor }
        guard let initial = lastName?.trimmed.first, initial.isLetter else { return first }
        return "\(first) \(initial)."
    }

    /// A whole name as a platform showed it ("Anna Schmidt", "Anna S."): its first word and the
    /// initial of its last; "Schmidt, Anna" is read surname first.
    static func author(displayName: String) -> String {
        let parts = displayName.split(separator: ",", maxSplits: 1).map { String($0).trimmed }.filter { !$0.isEmpty }
        if parts.count == 2 { return author(firstName: parts[1], lastName: parts[0]) }
        if displayName.contains(",") { return author(firstName: parts.first, lastName: nil) }
        let words = displayName.split(whereSeparator: \.isWhitespace).map(String.init)
        return author(firstName: words.first, lastName: words.count > 1 ? words.last : nil)
    }

    // MARK: Rules

    private func productReviews(
        productID: String, workspaceID: String, status: ReviewStatus?, page: PageRequest, liveAuthorsOnly: Bool = false,
        session: any StoreSession
    ) async throws -> ProductReviews {
        guard let product = try await session.catalog.find(id: productID, workspaceID: workspaceID) else {
            throw RapportError.notFound("No product with id \(productID.prefix(64)).")
        }
        let rating = try await session.reviews.rating(productID: productID, workspaceID: workspaceID)
        let storeRating = try await session.reviews.rating(productID: nil, workspaceID: workspaceID)
        let reviews = try await session.reviews.list(
            workspaceID: workspaceID, productID: productID, status: status, liveAuthorsOnly: liveAuthorsOnly, page: page)
        return ProductReviews(product: product, rating: rating, bayesianAverage: rating.bayesianAverage(store: storeRating), reviews: reviews)
    }

    private func moderate(
        _ id: String, as actor: Actor, audited action: AuditAction? = nil, _ change: @Sendable @escaping (inout Review, Date) -> Bool
    ) async throws -> Review {
        try actor.require(.moderateReviews)
        return try await context.write { transaction in
            let now = clock.now()
            var review = try await existing(id, workspaceID: actor.workspaceID, session: transaction.session)
            let before = review.status
            guard change(&review, now) else { return review }
            if action == nil {
                review.moderatedBy = actor.label
                review.moderatedAt = now
            }
            review.updatedAt = now
            try await transaction.session.reviews.update(review)
            if review.status != before { try await LoyaltyService.settleReview(review, in: transaction) }
            let recorded = action ?? (review.status == .approved ? .reviewApproved : .reviewRejected)
            try await transaction.audit(AuditRecord(recorded, subject: .review(review.id), details: ["product_id": review.productID]), by: actor)
            return review
        }
    }

    private func existing(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Review {
        guard let review = try await session.reviews.find(id: id, workspaceID: workspaceID) else {
            throw RapportError.notFound("No review with id \(id.prefix(64)).")
        }
        return review
    }
}
