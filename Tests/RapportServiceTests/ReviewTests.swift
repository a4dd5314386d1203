import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Reviews")
struct ReviewTests {
    @Test("a merge moves reviews to the survivor, except one of a product the survivor reviewed too; an unmerge moves them back", arguments: TestDatabase.available)
    func merges(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let products = try await services.commerce.upsertProducts(
                ["MUG", "CUP"].map { ProductInput(externalID: $0, title: $0, variants: [ProductVariantInput(sku: $0, price: 1_000, currency: "EUR")]) }, as: actor)
            let (mug, cup) = (products[0].product.id, products[1].product.id)
            let one = try await services.commerce.upsertOrders([OrderTests.guestOrder("V1", email: "one@example.com")], as: actor)[0].order.customerID
            let two = try await services.commerce.upsertOrders([OrderTests.guestOrder("V2", email: "two@example.com")], as: actor)[0].order.customerID
            _ = try await services.reviews.submit(productID: mug, ReviewInput(customerID: one, rating: 5, title: "", body: "Great mug"), as: actor)
            let both = try await services.reviews.submit(productID: mug, ReviewInput(customerID: two, rating: 3, title: "", body: "Fine mug"), as: actor)
            let moved = try await services.reviews.submit(productID: cup, ReviewInput(customerID: two, rating: 4, title: "", body: "Nice cup"), as: actor)
            let first = try await services.reviews.queue(status: .pending, page: try PageRequest(), as: actor)
            for review in first.items { _ = try await services.reviews.approve(id: review.id, as: actor) }
            #expect(try await services.reviews.reviews(productID: mug, status: nil, page: try PageRequest(), as: actor).rating.reviewCount == 2)
            _ = try await services.customers.merge(into: one, from: two, as: actor)
            // One person, one review in the figures and on the shop: the merged-away profile's stays out.
            #expect(try await services.reviews.reviews(productID: mug, status: nil, page: try PageRequest(), as: actor).rating.reviewCount == 1)
            #expect(try await services.reviews.publicReviews(workspaceID: services.workspaceID, productID: mug).reviews.items.map(\.rating) == [5])
            #expect(try await services.reviews.find(id: moved.id, as: actor).customerID == one)
            #expect(try await services.reviews.find(id: both.id, as: actor).customerID == two, "one review per customer and product")
            _ = try await services.customers.unmerge(customerID: one, mergeID: nil, as: actor)
            #expect(try await services.reviews.find(id: moved.id, as: actor).customerID == two)
            #expect(moved.submittedBy == "operator")
        }
    }
}
