import Foundation

/// What a deal's fields must be: a title of 1 to 200 characters, an ISO 4217 currency, an
/// amount from 0 to 10¹² minor units (so a stage's total stays within 64 bits for millions of deals), a calendar day to close by, at most 100 lines of catalogue
/// products (or named ones) whose sum is the amount.
enum DealRules {
    static let maximumTitleLength = 200
    static let maximumNextStepLength = 200
    static let maximumReasonLength = 500
    static let maximumAmount: Int64 = 1_000_000_000_000
    static let maximumLines = 100

    static func title(_ text: String) throws -> String {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty, trimmed.count <= maximumTitleLength else {
            throw RapportError.invalid(field: "title", "is required: 1 to \(maximumTitleLength) characters")
        }
        return trimmed
    }

    /// Three letters, in capitals (`eur` reads as EUR).
    static func currency(_ text: String) throws -> String {
        let code = text.trimmed.uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw RapportError.invalid(field: "currency", "must be an ISO 4217 code such as EUR")
        }
        return code
    }

    static func amount(_ value: Int64) throws -> Int64 {
        guard (0...maximumAmount).contains(value) else {
            throw RapportError.invalid(field: "amount", "must be from 0 to \(maximumAmount) (minor units: 1250 is 12.50)")
        }
        return value
    }

    /// `YYYY-MM-DD`, a real day.
    static func day(_ text: String) throws -> String {
        let trimmed = text.trimmed
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let date = Calendar.utc.date(from: DateComponents(year: year, month: month, day: day)),
            Calendar.utc.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
        else { throw RapportError.invalid(field: "expected_close_on", "must be a day such as 2026-03-31") }
        return trimmed
    }

    static func text(_ text: String?, field: String, maximum: Int) throws -> String? {
        guard let trimmed = text?.trimmed, !trimmed.isEmpty else { return nil }
        guard trimmed.count <= maximum else { throw RapportError.invalid(field: field, "must be at most \(maximum) characters") }
        return trimmed
    }

    /// The lines from their drafts, priced from the catalogue where no price is given.
    static func lines(_ drafts: [DealLineDraft], currency: String, workspaceID: String, session: any StoreSession) async throws -> [DealLine] {
        guard drafts.count <= maximumLines else { throw RapportError.invalid(field: "lines", "holds at most \(maximumLines) lines") }
        var lines: [DealLine] = []
        var total: Int64 = 0
        for (index, draft) in drafts.enumerated() {
            let field = "lines[\(index)]"
            guard (1...1_000_000).contains(draft.quantity) else { throw RapportError.invalid(field: "\(field).quantity", "must be from 1 to 1000000") }
            var name = draft.name?.trimmed
            var price = draft.unitPrice
            if let productID = draft.productID {
                guard let product = try await session.catalog.find(id: productID, workspaceID: workspaceID) else {
                    throw RapportError.invalid(field: "\(field).product_id", "names no product of the catalogue (\(productID.prefix(64)))")
                }
                guard product.active else { throw RapportError.invalid(field: "\(field).product_id", "names a product no longer sold (\(product.title))") }
                var variant = product.variants.first
                if let variantID = draft.variantID {
                    variant = product.variants.first { $0.id == variantID }
                    guard variant != nil else { throw RapportError.invalid(field: "\(field).variant_id", "names no variant of that product (\(variantID.prefix(64)))") }
                }
                if name?.isEmpty ?? true {
                    name = [product.title, product.variants.count > 1 ? variant?.title : nil].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " – ")
                }
                if price == nil, let variant, variant.currency == currency { price = variant.price }
            } else if draft.variantID != nil {
                throw RapportError.invalid(field: "\(field).variant_id", "needs the product_id it belongs to")
            }
            guard let name, !name.isEmpty, name.count <= maximumTitleLength else {
                throw RapportError.invalid(field: "\(field).name", "is required without a product: 1 to \(maximumTitleLength) characters")
            }
            guard let price else { throw RapportError.invalid(field: "\(field).unit_price", "is required: the catalogue has no price in \(currency) for it") }
            guard (0...maximumAmount).contains(price) else { throw RapportError.invalid(field: "\(field).unit_price", "must be from 0 to \(maximumAmount)") }
            let line = DealLine(productID: draft.productID, variantID: draft.variantID, name: name, quantity: draft.quantity, unitPrice: price)
            let (amount, productOverflow) = line.quantity.multipliedReportingOverflow(by: line.unitPrice)
            let (sum, sumOverflow) = total.addingReportingOverflow(amount)
            guard !productOverflow, !sumOverflow, sum <= maximumAmount else { throw RapportError.invalid(field: "lines", "sum to more than \(maximumAmount)") }
            total = sum
            lines.append(line)
        }
        return lines
    }
}
