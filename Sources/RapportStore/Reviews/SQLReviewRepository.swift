import Foundation
import RapportCore
import SQLKit

struct SQLReviewRepository: ReviewRepository {
    let handle: SQLConnectionHandle

    func insert(_ review: Review) async throws -> Bool {
        try await handle.sql.raw("""
            INSERT INTO reviews (id, workspace_id, product_id, customer_id, order_id, rating, title, body, locale, photos, status, rejection_reason,
              hold_reason, verified, sentiment, reply, replied_at, moderated_by, moderated_at, source, submitted_by, author_name, created_at, updated_at)
            VALUES (\(bind: review.id), \(bind: review.workspaceID), \(bind: review.productID), \(bind: review.customerID), \(bind: review.orderID),
              \(bind: review.rating), \(bind: review.title), \(bind: review.body), \(bind: review.locale), \(bind: try StoredJSON.encode(review.photos)),
              \(bind: review.status.rawValue),
              \(bind: review.rejectionReason), \(bind: review.holdReason), \(bind: review.verified ? 1 : 0), \(bind: review.sentiment), \(bind: review.reply),
              \(bind: review.repliedAt.map(Timestamp.microseconds)), \(bind: review.moderatedBy), \(bind: review.moderatedAt.map(Timestamp.microseconds)),
              \(bind: review.source), \(bind: review.submittedBy), \(bind: review.authorName), \(bind: Timestamp.microseconds(review.createdAt)), \(bind: Timestamp.microseconds(review.updatedAt)))
            ON CONFLICT (workspace_id, product_id, customer_id) DO NOTHING RETURNING id
            """).first() != nil
    }

    func update(_ review: Review) async throws {
        try await handle.sql.raw("""
            UPDATE reviews SET status = \(bind: review.status.rawValue), rejection_reason = \(bind: review.rejectionReason),
              reply = \(bind: review.reply), replied_at = \(bind: review.repliedAt.map(Timestamp.microseconds)),
              moderated_by = \(bind: review.moderatedBy), moderated_at = \(bind: review.moderatedAt.map(Timestamp.microseconds)),
              updated_at = \(bind: Timestamp.microseconds(review.updatedAt))
            WHERE id = \(bind: review.id) AND workspace_id = \(bind: review.workspaceID)
            """).run()
    }

    func find(id: String, workspaceID: String) async throws -> Review? {
        try await handle.sql.raw("""
            SELECT * FROM reviews r WHERE r.id = \(bind: id) AND r.workspace_id = \(bind: workspaceID)\(unsafeRaw: handle.dialect.lockForUpdate(of: "r", in: handle))
            """).first().flatMap(decode)
    }

    func reviews(customerID: String, productIDs: [String], workspaceID: String) async throws -> [Review] {
        guard !productIDs.isEmpty else { return [] }
        return try await handle.sql.raw("""
            SELECT * FROM reviews WHERE customer_id = \(bind: customerID) AND workspace_id = \(bind: workspaceID) AND product_id IN (\(binds: productIDs))
            """).all().compactMap(decode)
    }

    func list(workspaceID: String, productID: String?, status: ReviewStatus?, liveAuthorsOnly: Bool, page: PageRequest) async throws -> Page<Review> {
        var query: SQLQueryString = "SELECT r.* FROM reviews r WHERE r.workspace_id = \(bind: workspaceID)"
        if let productID { query += " AND r.product_id = \(bind: productID)" }
        if let status { query += " AND r.status = \(bind: status.rawValue)" }
        if liveAuthorsOnly { query += " AND " + Self.liveAuthor }
        if let cursor = page.startingAfter { query += " AND r.id < \(bind: cursor)" }
        query += " ORDER BY r.id DESC LIMIT \(unsafeRaw: String(page.limit + 1))"
        let rows = try await handle.sql.raw(query).all()
        return Page(items: try rows.prefix(page.limit).compactMap(decode), hasMore: rows.count > page.limit)
    }

    func rating(productID: String?, workspaceID: String) async throws -> ProductRating {
        var query: SQLQueryString = """
            SELECT COUNT(*) AS review_count, CAST(COALESCE(SUM(r.rating), 0) AS BIGINT) AS rating_sum FROM reviews r
            WHERE r.workspace_id = \(bind: workspaceID) AND r.status = \(bind: ReviewStatus.approved.rawValue)
            """
        query += " AND " + Self.liveAuthor
        if let productID { query += " AND r.product_id = \(bind: productID)" }
        guard let row = try await handle.sql.raw(query).first() else { return ProductRating(reviewCount: 0, ratingSum: 0) }
        return ProductRating(reviewCount: Int(try row.int("review_count")), ratingSum: Int(try row.int("rating_sum")))
    }

    func facts(workspaceID: String, from: Date, to: Date) async throws -> [ReviewFact] {
        var query: SQLQueryString = """
            SELECT r.rating, r.created_at, r.replied_at FROM reviews r
            WHERE r.workspace_id = \(bind: workspaceID) AND r.status = \(bind: ReviewStatus.approved.rawValue)
              AND r.created_at >= \(bind: Timestamp.microseconds(from)) AND r.created_at < \(bind: Timestamp.microseconds(to))
            """
        query += " AND " + Self.liveAuthor
        return try await handle.sql.raw(query).all().map { row in
            ReviewFact(rating: Int(try row.int("rating")), createdAt: try row.date("created_at"), repliedAt: try row.optionalDate("replied_at"))
        }
    }

    func settings(workspaceID: String) async throws -> ReviewSettings? {
        guard let row = try await handle.sql.raw("SELECT * FROM review_settings WHERE workspace_id = \(bind: workspaceID)").first() else {
            return nil
        }
        let words = try JSONDecoder().decode([String].self, from: Data(try row.string("flagged_words").utf8))
        return ReviewSettings(
            autoApprove: try row.int("auto_approve") != 0, minimumRating: Int(try row.int("minimum_rating")),
            verifiedOnly: try row.int("verified_only") != 0, holdLinks: try row.int("hold_links") != 0, holdPhotos: try row.int("hold_photos") != 0,
            flaggedWords: words)
    }

    func save(_ settings: ReviewSettings, workspaceID: String, at now: Date) async throws {
        let words = String(decoding: try JSONEncoder().encode(settings.flaggedWords), as: UTF8.self)
        try await handle.sql.raw("""
            INSERT INTO review_settings (workspace_id, auto_approve, minimum_rating, verified_only, hold_links, hold_photos, flagged_words, updated_at)
            VALUES (\(bind: workspaceID), \(bind: settings.autoApprove ? 1 : 0), \(bind: settings.minimumRating), \(bind: settings.verifiedOnly ? 1 : 0),
              \(bind: settings.holdLinks ? 1 : 0), \(bind: settings.holdPhotos ? 1 : 0), \(bind: words), \(bind: Timestamp.microseconds(now)))
            ON CONFLICT (workspace_id) DO UPDATE SET auto_approve = excluded.auto_approve, minimum_rating = excluded.minimum_rating,
              verified_only = excluded.verified_only, hold_links = excluded.hold_links, hold_photos = excluded.hold_photos,
              flagged_words = excluded.flagged_words,
              updated_at = excluded.updated_at
            """).run()
    }

    /// The review `r` is by a customer still on record: not merged away, not deleted.
    private static let liveAuthor: SQLQueryString = """
        EXISTS (SELECT 1 FROM customers c WHERE c.id = r.customer_id AND c.merged_into_id IS NULL AND c.deleted_at IS NULL)
        """

    /// A review whose status this build does not know (a newer one wrote it) is left out.
    private func decode(_ row: any SQLRow) throws -> Review? {
        guard let status = ReviewStatus(rawValue: try row.string("status")) else { return nil }
        return Review(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), productID: try row.string("product_id"),
            customerID: try row.string("customer_id"), orderID: try row.optionalString("order_id"), rating: Int(try row.int("rating")),
            title: try row.string("title"), body: try row.string("body"), locale: try row.optionalString("locale"),
            photos: try StoredJSON.decodeList([ReviewPhoto].self, from: try row.string("photos")), status: status,
            rejectionReason: try row.optionalString("rejection_reason"), holdReason: try row.optionalString("hold_reason"), verified: try row.int("verified") != 0,
            sentiment: try row.decode(column: "sentiment", as: Double.self), reply: try row.optionalString("reply"),
            repliedAt: try row.optionalDate("replied_at"), moderatedBy: try row.optionalString("moderated_by"),
            moderatedAt: try row.optionalDate("moderated_at"), source: try row.string("source"),
            submittedBy: try row.string("submitted_by"), authorName: try row.optionalString("author_name"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }
}
