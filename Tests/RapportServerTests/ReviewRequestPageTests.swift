import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportTestSupport
import Testing

@Suite("Review request page")
struct ReviewRequestPageTests {
    @Test("the customer opens the signed page, sees the order's product (escaped), writes a review with the form; a refused form keeps what was typed; the team signed in may look, not write; a forged link is a 404", arguments: TestDatabase.available)
    func page(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (productID, customerID, orderID) = try await ReviewAPITests.boughtAndDelivered(api)
            func opens() async throws -> Int {
                let timeline = try #require(try await api.send(.get, "/api/v1/customers/\(customerID)/timeline").object["data"] as? [[String: Any]])
                return timeline.count { $0["summary"] as? String == ReviewService.requestOpenedEvent }
            }
            let link = ReviewRequestLink.issued(workspaceID: api.workspaceID, orderID: orderID, at: api.clock.now())
            let signature = api.services.store.linkSigner.signature(of: link.signedText)
            let path = "/review/\(api.workspaceID)/\(orderID)/\(link.expires)/\(signature)"

            let forged = try await api.client.execute(uri: "/review/\(api.workspaceID)/\(orderID)/\(link.expires)/forged", method: .get)
            #expect(forged.status == .notFound)
            let page = try await api.client.execute(uri: path, method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("Linen shirt &lt;b&gt;"), "the catalog's title, escaped")
            #expect(!page.text.contains("Linen shirt <b>"))
            #expect(page.text.contains("Hi Anna,"))
            #expect(page.text.contains(#"name="product_id" value="\#(productID)""#))

            var form = HTTPFields()
            form[.contentType] = "application/x-www-form-urlencoded"
            _ = try await api.services.users.create(
                email: "agent@reviews.test", name: "Agent", role: .agent, password: "review-password-1", teamIDs: [],
                as: .operator(workspaceID: api.workspaceID))
            let agent = try await api.services.users.signIn(email: "agent@reviews.test", password: "review-password-1")
            var signedIn = form
            signedIn[.cookie] = "rapport_session=\(agent.token)"
            let looked = try await api.client.execute(uri: path, method: .get, headers: signedIn)
            #expect(looked.status == .ok)
            #expect(try await opens() == 1, "the customer's open counted once; the team's look not at all")
            let byAgent = try await api.client.execute(
                uri: path, method: .post, headers: signedIn, body: ByteBuffer(string: "product_id=\(productID)&rating=5&title=Great"))
            #expect(byAgent.status == .forbidden)

            let stranger = try await api.client.execute(
                uri: path, method: .post, headers: form, body: ByteBuffer(string: "product_id=prd_01STRANGER&rating=5&title=Great"))
            #expect(stranger.status == .unprocessableContent)
            let message = try #require(stranger.text.range(of: "is not a product of order R-1"), "a refusal of no product on the page is shown")
            let list = try #require(stranger.text.range(of: "<ul class=\"review-request-items\">"))
            #expect(message.lowerBound < list.lowerBound, "at the page's top, above the products")

            let refused = try await api.client.execute(
                uri: path, method: .post, headers: form, body: ByteBuffer(string: "product_id=\(productID)&rating=&title=Nice+%3Ci%3Eshirt%3C%2Fi%3E"))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("from 1 to 5"))
            #expect(refused.text.contains(#"value="Nice &lt;i&gt;shirt&lt;/i&gt;""#), "what was typed is kept, escaped")

            let written = try await api.client.execute(
                uri: path, method: .post, headers: form, body: ByteBuffer(string: "product_id=\(productID)&rating=4&title=Nice+shirt&body=Soft+linen."))
            #expect(written.status == .ok)
            #expect(written.text.contains("Thank you: you have reviewed everything in this order."))
            #expect(written.text.contains("★★★★☆"))
            let listed = try await api.send(.get, "/api/v1/products/\(productID)/reviews").object
            let reviews = try #require(listed["data"] as? [[String: Any]])
            #expect(reviews.count == 1)
            #expect(reviews.first?["source"] as? String == "review_request")
            #expect(reviews.first?["verified"] as? Bool == true)
            #expect(reviews.first?["title"] as? String == "Nice shirt")
        }
    }
}
