import Foundation
import RapportLearning

/// What a review must be to be taken, and what it is when taken: the checks on its fields, who
/// counts as a verified buyer, and its sentiment.
public enum ReviewRules {
    public static let maximumTitleLength = 150
    public static let maximumBodyLength = 5_000
    public static let maximumReasonLength = 500

    /// The input's fields, checked; the first that is wrong is named.
    static func checked(_ input: ReviewInput) throws -> ReviewInput {
        var input = input
        guard (1...5).contains(input.rating) else { throw RapportError.invalid(field: "rating", "must be a whole number from 1 to 5") }
        input.title = input.title.trimmed
        input.body = input.body.trimmed
        guard input.title.count <= maximumTitleLength else {
            throw RapportError.invalid(field: "title", "must be at most \(maximumTitleLength) characters")
        }
        guard !input.body.isEmpty || !input.title.isEmpty else { throw RapportError.invalid(field: "body", "is required when there is no title") }
        guard input.body.count <= maximumBodyLength else {
            throw RapportError.invalid(field: "body", "must be at most \(maximumBodyLength) characters")
        }
        if let locale = input.locale?.trimmed, !locale.isEmpty {
            guard locale.count <= 35, locale.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw RapportError.invalid(field: "locale", "must be a language tag such as en or de-AT")
            }
            input.locale = locale
        } else {
            input.locale = nil
        }
        return input
    }

    /// A verified buyer: the order is theirs, has the product in it, and was delivered — not
    /// merely placed.
    public static func isVerifiedBuyer(order: Order, customerID: String, productID: String) -> Bool {
        order.customerID == customerID && order.deliveredAt != nil && order.status != .cancelled
            && order.lines.contains { $0.productID == productID }
    }

    /// The review's sentiment from −1 to 1: its title and text read together.
    static func sentiment(title: String, body: String) -> Double {
        SentimentAnalyzer().analyze([title, body].filter { !$0.isEmpty }.joined(separator: ". ")).score
    }
}
