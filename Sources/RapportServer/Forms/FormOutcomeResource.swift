import Foundation
import RapportCore

/// What the page is told after a submission: the quiz's result with its products still on sale,
/// the form's thank-you words, and whether a confirmation mail is on its way.
struct FormOutcomeResource: Encodable {
    struct Result: Encodable {
        let key: String
        let title: String
        let text: String?
    }

    struct RecommendedProduct: Encodable {
        let id: String
        let externalId: String
        let title: String
        let imageUrl: String?
        let price: Int64?
        let currency: String?
    }

    let id: String
    let object = "form_response"
    let result: Result?
    let products: [RecommendedProduct]
    let thankYou: String?
    let confirmationRequested: Bool

    init(_ outcome: FormOutcome) {
        id = outcome.response.id
        result = outcome.result.map { Result(key: $0.key, title: $0.title, text: $0.text) }
        products = outcome.products.map { product in
            let cheapest = product.variants.min { $0.price < $1.price }
            return RecommendedProduct(
                id: product.id, externalId: product.externalID, title: product.title, imageUrl: product.imageURL, price: cheapest?.price,
                currency: cheapest?.currency)
        }
        thankYou = outcome.thankYou
        confirmationRequested = outcome.confirmationRequested
    }
}
