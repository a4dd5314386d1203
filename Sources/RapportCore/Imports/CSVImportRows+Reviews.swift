import Foundation

extension CSVImportRows {
    /// Reviews, one a row: the reviewer's e-mail, the product (`product_id`: Rapport's `prd_…`
    /// or the shop's id, kept under `source`; else `sku`), a whole number of stars, a title or
    /// text, and what else the platform exported. A row that cannot be read is rejected with
    /// the reason; the rules of a review (`ReviewRules`) are checked when it is imported.
    public static func reviews(
        _ records: [(line: Int, fields: [String])], columns: CSVColumns
    ) -> (rows: [ImportRow<ImportedReview>], rejected: [ImportRejection]) {
        var rows: [ImportRow<ImportedReview>] = []
        var rejected: [ImportRejection] = []
        for record in records {
            let value = { (field: String) in columns.value(field, in: record.fields) }
            var problems: [String] = []
            let email = value("email")
            if email == nil { problems.append("no reviewer e-mail: a review belongs to a customer") }
            var product: ImportedReview.Product?
            if let id = value("product_id") {
                product = ResourceID.isValid(id, prefix: .product) ? .id(id) : .external(id)
            } else if let sku = value("sku") {
                product = .sku(sku)
            } else {
                problems.append("no product_id or sku")
            }
            let rating = value("rating").flatMap(Self.stars)
            if rating == nil { problems.append("rating '\(value("rating") ?? "")' is not a whole number of stars from 1 to 5") }
            var writtenAt: Date?
            if let text = value("written_at") {
                writtenAt = reviewDate(text)
                if writtenAt == nil { problems.append("review date '\(text)' is not an ISO 8601 date") }
            }
            var repliedAt: Date?
            if let text = value("replied_at") {
                repliedAt = reviewDate(text)
                if repliedAt == nil { problems.append("reply date '\(text)' is not an ISO 8601 date") }
            }
            var published: Bool?
            if let text = value("published") {
                if let answer = Self.published(text) { published = answer } else { problems.append("published '\(text)' is neither yes nor no") }
            }
            guard problems.isEmpty, let email, let product, let rating else {
                rejected.append(ImportRejection(line: record.line, reason: problems.joined(separator: "; ")))
                continue
            }
            let photos = Self.photoAddresses(value("photos") ?? "").map { ReviewPhoto(url: $0) }
            rows.append(ImportRow(line: record.line, input: ImportedReview(
                email: email, authorName: value("author_name"), product: product, rating: rating, title: value("title") ?? "",
                body: value("body") ?? "", locale: value("locale"), photos: photos, writtenAt: writtenAt, reply: value("reply"),
                repliedAt: repliedAt, published: published)))
        }
        return (rows, rejected)
    }

    /// A list of photo addresses as platforms export it: separated by spaces, `;`, `|`, or a
    /// comma before the next address (an image service's address may hold commas itself:
    /// `…/w_400,h_400/a.jpg`).
    static func photoAddresses(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == ";" || $0 == "|" }).flatMap { part in
            part.replacingOccurrences(of: ",http", with: "\nhttp", options: .caseInsensitive).split(separator: "\n").map(String.init)
        }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }.filter { !$0.isEmpty }
    }

    /// `5`, `5.0`: five stars; `4.5`, `6`, `five`: none.
    static func stars(_ text: String) -> Int? {
        guard let number = Double(text), number == number.rounded(), (1...5).contains(number) else { return nil }
        return Int(number)
    }

    /// A date as review platforms export it: ISO 8601, `2025-03-01 10:00:00` with or without
    /// ` UTC` (Judge.me), or a day.
    static func reviewDate(_ text: String) -> Date? {
        let trimmed = text.hasSuffix(" UTC") ? String(text.dropLast(4)) : text
        return date(trimmed)
    }

    /// Whether the platform showed the review: its words for yes (`true`, `yes`, `1`,
    /// `published`, `approved`, `ok`, Judge.me's curation), for no (`hidden`, `spam`, …), and
    /// for not decided yet (`pending`, `not-yet`: `.some(nil)`, the workspace's rules decide);
    /// nil for words it does not know.
    static func published(_ text: String) -> Bool?? {
        switch text.lowercased() {
        case "true", "yes", "y", "1", "published", "approved", "ok", "visible", "public": .some(true)
        case "false", "no", "n", "0", "hidden", "unpublished", "rejected", "spam", "archived", "private": .some(false)
        case "pending", "not-yet", "not_yet", "uncurated", "new": .some(nil)
        default: nil
        }
    }
}
