import ArgumentParser
import RapportCore

struct ImportReviewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "Import product reviews from CSV (email, product_id or sku, rating, title, body, written_at, reply, photos, published, …; Judge.me, Okendo and Yotpo export headers work too).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ImportOptions

    func run() async throws {
        let source = options.source
        try await options.importCSV(database: database, noun: "reviews", aliases: CSVColumns.reviewAliases) { records, columns in
            CSVImportRows.reviews(records, columns: columns)
        } run: { services, rows, workspaceID, progress in
            try await services.reviews.importReviews(rows, source: source, as: .system("import-reviews", workspaceID: workspaceID), progress: progress.advance)
        }
    }
}
