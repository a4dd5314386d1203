import Foundation

/// Product reviews. Every call is scoped to one workspace.
public protocol ReviewRepository: Sendable {
    /// Adds the review unless the customer already reviewed the product; answers whether it did.
    func insert(_ review: Review) async throws -> Bool
    func update(_ review: Review) async throws
    /// Locked for the rest of a write transaction on PostgreSQL.
    func find(id: String, workspaceID: String) async throws -> Review?
    /// The customer's reviews of any of `productIDs`, in any status.
    func reviews(customerID: String, productIDs: [String], workspaceID: String) async throws -> [Review]
    /// Newest first, of one product or all (nil), in one status or all (nil); `liveAuthorsOnly`:
    /// only those of customers not merged away or deleted (what the shop shows).
    func list(workspaceID: String, productID: String?, status: ReviewStatus?, liveAuthorsOnly: Bool, page: PageRequest) async throws -> Page<Review>
    /// The approved reviews of one product, or of the whole store (nil), in figures: those of
    /// customers not merged away or deleted (one person counts once).
    func rating(productID: String?, workspaceID: String) async throws -> ProductRating
    /// The approved reviews written in `[from, to)` by customers still on record.
    func facts(workspaceID: String, from: Date, to: Date) async throws -> [ReviewFact]
    /// The workspace's moderation settings; nil before any were saved.
    func settings(workspaceID: String) async throws -> ReviewSettings?
    func save(_ settings: ReviewSettings, workspaceID: String, at now: Date) async throws
}
