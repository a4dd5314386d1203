@testable import RapportCore
import Testing

@Suite("Product ratings, without a database")
struct ProductRatingTests {
    @Test("the Bayesian average ranks many good reviews above one perfect one; the plain mean is kept beside it")
    func bayesian() {
        let store = ProductRating(reviewCount: 200, ratingSum: 800)
        let single = ProductRating(reviewCount: 1, ratingSum: 5)
        let many = ProductRating(reviewCount: 100, ratingSum: 480)
        #expect(single.average == 5 && many.average == 4.8)
        #expect(many.bayesianAverage(store: store) > single.bayesianAverage(store: store))
        #expect(single.bayesianAverage(store: store) == 4.09)
        #expect(ProductRating(reviewCount: 0, ratingSum: 0).average == nil)
        #expect(ProductRating(reviewCount: 0, ratingSum: 0).bayesianAverage(store: ProductRating(reviewCount: 0, ratingSum: 0)) == 3)
    }

    @Test("authors are shown as a first name and an initial at most")
    func authors() {
        #expect(ReviewService.author(firstName: "Anna", lastName: "Schmidt") == "Anna S.")
        #expect(ReviewService.author(firstName: "Anna", lastName: nil) == "Anna")
        #expect(ReviewService.author(firstName: " ", lastName: "Schmidt") == "A customer")
        // Imports put whole names and addresses in the first name: only a first word shows, never an address.
        #expect(ReviewService.author(firstName: "Anna Maria Schmidt", lastName: nil) == "Anna")
        #expect(ReviewService.author(firstName: "anna@example.com", lastName: "Schmidt") == "A customer")
        #expect(ReviewService.author(firstName: "Kunde4711", lastName: nil) == "A customer")
    }
}
