/// An imported review row on its way in (`ReviewService.importReviews`): the row as read, its
/// review checked, its reply trimmed, its reviewer prepared for identity resolution, and its
/// product once found in the catalog.
struct ImportedReviewRow: Sendable {
    let line: Int
    let row: ImportedReview
    let input: ReviewInput
    let reply: String?
    let reviewer: PreparedUpsert
    var productID = ""
}
