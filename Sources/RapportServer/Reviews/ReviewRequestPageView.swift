import Foundation
import RapportCore

/// A review request's page: the order's products, each with its form (stars, a title, the
/// text) until reviewed, then the customer's stars and a thank-you; a refused form is shown
/// again at its product with the message and what was typed.
struct ReviewRequestPageView: TemplateView {
    struct Star: Encodable {
        let value: Int
        let checked: Bool
        /// Unique per product, for the label's `for`.
        let inputID: String
    }

    struct Item: Encodable {
        let productID: String
        let productTitle: String
        let imageURL: String?
        let reviewed: Bool
        let stars: String?
        let pending: Bool
        let choices: [Star]
        /// What was typed, kept after a refusal; nil otherwise (names apart from the page's).
        let draftTitle: String?
        let draftBody: String?
        let problem: String?
    }

    let store: String
    /// A refusal that belongs to no product still to review (a product not of the order).
    let pageProblem: String?
    let greeting: String
    let orderNumber: String
    let verifiedNote: Bool
    let items: [Item]
    let allReviewed: Bool
    let nothingToReview: Bool
    let closesOn: String
    let action: String
    let maximumTitle: Int
    let maximumBody: Int

    init(_ page: ReviewRequestPage, action: String, problem: (answer: ReviewRequestAnswer, message: String)?) {
        store = page.store
        let atAProduct = problem.map { refused in page.open.contains { $0.productID == refused.answer.productID } } ?? false
        pageProblem = atAProduct ? nil : problem?.message
        greeting = page.firstName.map { "Hi \($0)," } ?? "Hi,"
        orderNumber = page.orderNumber
        verifiedNote = page.delivered
        items = page.items.enumerated().map { index, item in
            let refused = problem?.answer.productID == item.productID && item.review == nil ? problem : nil
            return Item(
                productID: item.productID, productTitle: item.title, imageURL: item.imageURL, reviewed: item.review != nil,
                stars: item.review.map { WebFormat.stars($0.rating) },
                pending: item.review?.status == .pending,
                choices: (1...5).reversed().map { Star(value: $0, checked: refused?.answer.rating == $0, inputID: "rating-\(index)-\($0)") },
                draftTitle: refused.map(\.answer.title), draftBody: refused.map(\.answer.body), problem: refused?.message)
        }
        allReviewed = !page.items.isEmpty && page.open.isEmpty
        nothingToReview = page.items.isEmpty
        closesOn = Timestamp.iso8601(page.closesAt.addingTimeInterval(-1)).prefix(10).description
        self.action = action
        maximumTitle = ReviewRules.maximumTitleLength
        maximumBody = ReviewRules.maximumBodyLength
    }
}
