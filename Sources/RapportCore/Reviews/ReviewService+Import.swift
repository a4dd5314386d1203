import Foundation

/// Reviews brought over from the shop's old review platform (`rapport import reviews`).
extension ReviewService {
    /// Rows written a transaction at a time.
    public static let importBatchSize = 500

    /// Imports reviews (needs `moderateReviews`). Each row is checked as a review taken through
    /// the API is (a bad one is rejected with its reason, the rest go on); its reviewer is found
    /// by e-mail or made (identity resolution, as a customer import); its product by Rapport's
    /// id, the shop's id under `source`, or a SKU. A review keeps the date it was written (its
    /// id too, so lists stay in order), is a verified buyer's when the customer has a delivered
    /// order with the product, and is approved or rejected as the old platform showed it (when
    /// the file says), else held by the workspace's rules. Importing a file again adds nothing:
    /// one review per customer and product. An import is history: it sends no events to
    /// journeys and segments, and is audited once per batch (`review.imported`).
    public func importReviews(
        _ rows: [ImportRow<ImportedReview>], source: String, as actor: Actor, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportSummary {
        try actor.require(.moderateReviews)
        try actor.require(.editCustomers)
        var summary = ImportSummary()
        var checked: [ImportedReviewRow] = []
        for row in rows {
            do {
                let input = try ReviewRules.checked(ReviewInput(
                    customerID: "", rating: row.input.rating, title: row.input.title, body: row.input.body, locale: row.input.locale,
                    photos: row.input.photos))
                let reply = row.input.reply?.trimmed
                if let reply, reply.count > ReviewRules.maximumBodyLength {
                    throw RapportError.invalid(field: "reply", "must be at most \(ReviewRules.maximumBodyLength) characters")
                }
                for (field, text) in [("reply", reply), ("author_name", row.input.authorName)] {
                    if let text, ReviewRules.hasControlCharacters(text) { throw RapportError.invalid(field: field, "must not hold control characters") }
                }
                let reviewer = try customers.prepare(
                    CustomerInput(identities: [IdentityInput(.email, value: row.input.email)]), field: "email", provenance: .proven)
                checked.append(ImportedReviewRow(line: row.line, row: row.input, input: input, reply: reply?.isEmpty == false ? reply : nil, reviewer: reviewer))
            } catch {
                summary.rejected.append(ImportRejection(line: row.line, reason: ImportService.describe(error)))
            }
        }
        // Products first, read: a row naming none in the catalog is rejected before anyone is made for it.
        let named = checked.map(\.row.product)
        let products = try await store.read { session in
            try await productIDs(of: named, source: source, workspaceID: actor.workspaceID, session: session)
        }
        var valid: [ImportedReviewRow] = []
        for var row in checked {
            guard let productID = products[row.row.product] else {
                summary.rejected.append(ImportRejection(line: row.line, reason: "no product \(Self.describe(row.row.product)) in the catalog"))
                continue
            }
            row.productID = productID
            valid.append(row)
        }
        progress(rows.count - valid.count)
        for start in stride(from: 0, to: valid.count, by: Self.importBatchSize) {
            let batch = Array(valid[start..<min(valid.count, start + Self.importBatchSize)])
            // A batch the database refuses is written again row by row: a failed row rejects only itself.
            do {
                let done = try await write(batch, source: source, actor: actor)
                summary.created += done.created
                summary.rejected += done.rejected
            } catch {
                for row in batch {
                    do {
                        let done = try await write([row], source: source, actor: actor)
                        summary.created += done.created
                        summary.rejected += done.rejected
                    } catch {
                        summary.rejected.append(ImportRejection(line: row.line, reason: ImportService.describe(error)))
                    }
                }
            }
            progress(batch.count)
        }
        return summary
    }

    /// The reviewers (found or made, as a customer import does) and their reviews in one
    /// transaction: nobody is made for a review that is not written.
    private func write(_ batch: [ImportedReviewRow], source: String, actor: Actor) async throws -> (created: Int, rejected: [ImportRejection]) {
        try await context.writeRetryingConflicts { transaction in
            var reviewers = UpsertBatch(service: customers, transaction: transaction, workspaceID: actor.workspaceID, actor: actor.label)
            let outcomes = try await reviewers.run(batch.map(\.reviewer))
            return try await importBatch(Array(zip(batch, outcomes.map(\.customer.id))), source: source, actor: actor, in: transaction)
        }
    }

    /// One batch's reviews, in the caller's transaction; a row whose customer reviewed the
    /// product already is rejected with the reason.
    private func importBatch(
        _ rows: [(row: ImportedReviewRow, customerID: String)], source: String, actor: Actor, in transaction: WriteTransaction
    ) async throws -> (created: Int, rejected: [ImportRejection]) {
        let session = transaction.session
        let workspaceID = actor.workspaceID
        let now = transaction.now
        let settings = try await session.reviews.settings(workspaceID: workspaceID) ?? .standard
        var ordersOf: [String: [Order]] = [:]
        var created = 0
        var rejected: [ImportRejection] = []
        for (imported, customerID) in rows {
            let (row, input, productID) = (imported.row, imported.input, imported.productID)
            if ordersOf[customerID] == nil { ordersOf[customerID] = try await allOrders(of: customerID, workspaceID: workspaceID, session: session) }
            let order = ordersOf[customerID]?.first { ReviewRules.isVerifiedBuyer(order: $0, customerID: customerID, productID: productID) }
            // A date to come is taken as now; a reply is never before its review nor after now.
            let writtenAt = min(row.writtenAt ?? now, now)
            let authorName = row.authorName?.trimmed.prefix(Self.maximumAuthorNameLength)
            var review = Review(
                id: ResourceID.make(.review, at: writtenAt), workspaceID: workspaceID, productID: productID, customerID: customerID, orderID: order?.id,
                rating: input.rating, title: input.title, body: input.body, locale: input.locale, photos: input.photos, verified: order != nil,
                sentiment: ReviewRules.sentiment(title: input.title, body: input.body), source: Self.importSource, submittedBy: actor.label,
                authorName: authorName.flatMap { $0.isEmpty ? nil : String($0) }, createdAt: writtenAt, updatedAt: now)
            if let reply = imported.reply {
                review.reply = reply
                review.repliedAt = max(min(row.repliedAt ?? writtenAt, now), writtenAt)
            }
            switch row.published {
            case true?:
                review.status = .approved
                review.moderatedBy = actor.label
                review.moderatedAt = now
            case false?:
                review.status = .rejected
                review.rejectionReason = Self.hiddenBeforeReason
                review.moderatedBy = actor.label
                review.moderatedAt = now
            case nil:
                Self.moderate(&review, settings: settings, at: now)
            }
            if try await session.reviews.insert(review) {
                created += 1
            } else {
                rejected.append(ImportRejection(line: imported.line, reason: "the customer has a review of this product already"))
            }
        }
        if created > 0 {
            try await transaction.audit(
                AuditRecord(.reviewsImported, subject: .workspace(workspaceID), details: ["reviews": String(created), "source": source]), by: actor)
        }
        return (created, rejected)
    }

    /// Every order of the customer, page by page.
    private func allOrders(of customerID: String, workspaceID: String, session: any StoreSession) async throws -> [Order] {
        var orders: [Order] = []
        var after: String?
        repeat {
            let page = try await session.orders.list(
                filter: OrderFilter(customerID: customerID), workspaceID: workspaceID, page: try PageRequest(limit: PageRequest.maximumLimit, startingAfter: after))
            orders += page.items
            after = page.hasMore ? page.items.last?.id : nil
        } while after != nil
        return orders
    }

    /// The longest name an imported review keeps of the one it was published under.
    static let maximumAuthorNameLength = 100

    /// How imported reviews are marked (`Review.source`).
    public static let importSource = "csv"
    /// Why an imported review the old platform hid is rejected here.
    public static let hiddenBeforeReason = "hidden on the platform it was imported from"

    /// The catalog's product for each way the rows name one.
    private func productIDs(of references: [ImportedReview.Product], source: String, workspaceID: String, session: any StoreSession) async throws
        -> [ImportedReview.Product: String]
    {
        var found: [ImportedReview.Product: String] = [:]
        var wanted = VariantReferences()
        for reference in Set(references) {
            switch reference {
            case .id(let id):
                if let product = try await session.catalog.find(id: id, workspaceID: workspaceID) { found[reference] = product.id }
            case .sku(let sku): wanted.skus.insert(sku)
            case .external(let id): wanted.productExternalIDs[source, default: []].insert(id)
            }
        }
        guard !wanted.isEmpty else { return found }
        for match in try await session.catalog.variants(matching: wanted, workspaceID: workspaceID) {
            if let sku = match.variant.sku, wanted.skus.contains(sku) { found[.sku(sku)] = found[.sku(sku)] ?? match.variant.productID }
            if match.source == source { found[.external(match.productExternalID)] = match.variant.productID }
        }
        return found
    }

    private static func describe(_ reference: ImportedReview.Product) -> String {
        switch reference {
        case .id(let id): id
        case .sku(let sku): "with SKU \(sku)"
        case .external(let id): "with the shop's id \(id)"
        }
    }
}
