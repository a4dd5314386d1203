import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Reviews API and public page")
struct ReviewAPITests {
    /// A product, and a delivered order of it by Anna Schmidt: product id, customer id, order id.
    static func boughtAndDelivered(_ api: APIHarness) async throws -> (String, String, String) {
        let product = try await api.send(
            .post, "/api/v1/products", json: #"{"title": "Linen shirt <b>", "sku": "LIN-1", "price": 4900, "currency": "EUR"}"#)
        let productID = try #require(product.object["id"] as? String)
        let order = try await api.send(.post, "/api/v1/orders", json: """
            {"number": "R-1", "currency": "EUR", "status": "paid", "customer": {"email": "anna@example.com", "first_name": "Anna", "last_name": "Schmidt"},
             "lines": [{"sku": "LIN-1", "title": "Linen shirt", "quantity": 1, "unit_price": 4900}]}
            """)
        let orderID = try #require(order.object["id"] as? String)
        for status in ["fulfilled", "delivered"] {
            #expect(try await api.send(.patch, "/api/v1/orders/\(orderID)", json: #"{"status": "\#(status)"}"#).status == .ok)
        }
        return (productID, try #require(order.object["customer_id"] as? String), orderID)
    }

    @Test("a review waits for approval, then shows on the public page, whose JSON-LD extruct reads as a Product with its rating", arguments: TestDatabase.available)
    func moderationAndJSONLD(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (productID, customerID, orderID) = try await Self.boughtAndDelivered(api)
            let submitted = try await api.send(.post, "/api/v1/products/\(productID)/reviews", json: """
                {"customer_id": "\(customerID)", "order_id": "\(orderID)", "rating": 5, "title": "Perfect fit", "body": "Lovely </script> fabric, great fit.",
                 "photos": [{"url": "https://cdn.shop.test/r/1.jpg?v=2&s=1", "width": 1200, "height": 900, "alt": "The shirt \\"on\\" <me>"},
                            {"url": " https://cdn.shop.test/r/2.jpg "}, {"url": "https://cdn.shop.test/r/1.jpg?v=2&s=1"}]}
                """)
            #expect(submitted.status == .created)
            #expect(submitted.object["status"] as? String == "pending" && submitted.object["verified"] as? Bool == true)
            #expect((submitted.object["sentiment"] as? Double ?? 0) > 0)
            #expect((submitted.object["submitted_by"] as? String)?.hasPrefix("api_key:") == true)
            let photos = try #require(submitted.object["photos"] as? [[String: Any]])
            #expect(photos.map { $0["url"] as? String } == ["https://cdn.shop.test/r/1.jpg?v=2&s=1", "https://cdn.shop.test/r/2.jpg"], "trimmed, a repeat kept once")
            #expect(photos.first?["width"] as? Int == 1200 && photos.first?["alt"] as? String == "The shirt \"on\" <me>")
            #expect(photos.last?["alt"] == nil || photos.last?["alt"] is NSNull)
            let reviewID = try #require(submitted.object["id"] as? String)

            var listed = try await api.send(.get, "/api/v1/products/\(productID)/reviews").object
            let publicURL = try #require(listed["public_url"] as? String)
            #expect(publicURL == "\(APIHarness.publicURL)/reviews/\(api.workspaceID)/\(productID)")
            #expect((listed["rating"] as? [String: Any])?["review_count"] as? Int == 0)
            let path = String(publicURL.dropFirst(APIHarness.publicURL.count))
            #expect(!(try await api.send(.get, path).text.contains("Perfect fit")), "a pending review is not shown")
            #expect((try await api.send(.get, "/api/v1/reviews?status=pending").object["data"] as? [[String: Any]])?.count == 1)

            let approved = try await api.send(.post, "/api/v1/reviews/\(reviewID)/approve")
            #expect(approved.status == .ok && approved.object["status"] as? String == "approved")
            #expect(approved.object["moderated_by"] as? String != nil)
            listed = try await api.send(.get, "/api/v1/products/\(productID)/reviews").object
            let rating = try #require(listed["rating"] as? [String: Any])
            #expect(rating["review_count"] as? Int == 1 && rating["average"] as? Double == 5)
            // The store's only approved review: the prior (the store's mean) is 5 as well.
            #expect(rating["bayesian_average"] as? Double == 5)

            let page = try await api.send(.get, path, key: "")
            #expect(page.status == .ok)
            #expect(page.text.contains("Anna S.") && !page.text.contains("Schmidt") && !page.text.contains("anna@example.com"))
            #expect(!page.text.contains("Lovely </script>"), "the script element cannot be closed from a review")
            let items = try JSONLDCheck.extruct(html: page.text, url: publicURL)
            let product = try #require(items.first { ($0["@type"] as? String) == "Product" }, "\(items)")
            #expect(product["name"] as? String == "Linen shirt <b>")
            let aggregate = try #require(product["aggregateRating"] as? [String: Any])
            #expect(aggregate["ratingValue"] as? Double == 5 && aggregate["reviewCount"] as? Int == 1)
            let review = try #require((product["review"] as? [[String: Any]])?.first)
            #expect(review["reviewBody"] as? String == "Lovely </script> fabric, great fit.")
            #expect((review["author"] as? [String: Any])?["name"] as? String == "Anna S.")
            #expect(review["image"] as? [String] == ["https://cdn.shop.test/r/1.jpg?v=2&s=1", "https://cdn.shop.test/r/2.jpg"], "\(review)")
            #expect(page.text.contains(#"<img src="https://cdn.shop.test/r/1.jpg?v=2&amp;s=1" alt="The shirt &quot;on&quot; &lt;me&gt;" loading="lazy" referrerpolicy="no-referrer">"#))
            #expect(page.text.contains(#"alt="A customer&#39;s photo""#) || page.text.contains(#"alt="A customer&#x27;s photo""#), "a photo without a description is described")

            let data = try await api.send(.get, path + "/data", key: "")
            #expect(data.headers[.accessControlAllowOrigin] == "*")
            #expect(data.object["review_count"] as? Int == 1)
            #expect(((data.object["reviews"] as? [[String: Any]])?.first?["photos"] as? [[String: Any]])?.count == 2)
            #expect(!data.text.contains(customerID) && !data.text.contains(orderID))

            let replied = try await api.send(.post, "/api/v1/reviews/\(reviewID)/reply", json: #"{"body": "Thank you, Anna!"}"#)
            #expect(replied.object["reply"] as? String == "Thank you, Anna!")
            #expect(try await api.send(.get, path, key: "").text.contains("Thank you, Anna!"))
            let rejected = try await api.send(.post, "/api/v1/reviews/\(reviewID)/reject", json: #"{"reason": "Mentions a competitor"}"#)
            #expect(rejected.object["status"] as? String == "rejected" && rejected.object["rejection_reason"] as? String == "Mentions a competitor")
            #expect(!(try await api.send(.get, path, key: "").text.contains("Perfect fit")))
        }
    }

    @Test("bad reviews are refused with the field named; a second review of the product by the same customer is a conflict", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (productID, customerID, orderID) = try await Self.boughtAndDelivered(api)
            let other = try await api.send(.post, "/api/v1/orders", json: """
                {"number": "R-2", "currency": "EUR", "status": "paid", "customer": {"email": "other@example.com"},
                 "lines": [{"sku": "LIN-1", "title": "Linen shirt", "quantity": 1, "unit_price": 4900}]}
                """)
            let otherOrder = try #require(other.object["id"] as? String)
            let otherCustomer = try #require(other.object["customer_id"] as? String)
            for (body, field) in [
                (#"{"customer_id": "\#(customerID)", "rating": 6, "body": "x"}"#, "rating"),
                (#"{"customer_id": "\#(customerID)", "rating": 0, "body": "x"}"#, "rating"),
                (#"{"customer_id": "\#(customerID)", "body": "x"}"#, "rating"),
                (#"{"rating": 4, "body": "x"}"#, "customer_id"),
                (#"{"customer_id": "\#(customerID)", "rating": 4}"#, "body"),
                (#"{"customer_id": "\#(customerID)", "order_id": "\#(otherOrder)", "rating": 4, "body": "x"}"#, "order_id"),
                (#"{"customer_id": "cus_nobody", "rating": 4, "body": "x"}"#, "customer_id"),
                (#"{"customer_id": "\#(customerID)", "rating": 4, "body": "x", "stars": 4}"#, "stars"),
                (#"{"customer_id": "\#(customerID)", "rating": 4, "body": "x", "photos": [{"url": "http://cdn.shop.test/a.jpg"}]}"#, "photos[0].url"),
                (#"{"customer_id": "\#(customerID)", "rating": 4, "body": "x", "photos": [{"url": "javascript:alert(1)"}]}"#, "photos[0].url"),
                (#"{"customer_id": "\#(customerID)", "rating": 4, "body": "x", "photos": [{"url": "https://me:pw@cdn.shop.test/a.jpg"}]}"#, "photos[0].url"),
                (#"{"customer_id": "\#(customerID)", "rating": 4, "body": "x", "photos": [{"url": "https://cdn.shop.test/a b.jpg"}]}"#, "photos[0].url"),
                (#"{"customer_id": "\#(customerID)", "rating": 4, "body": "x", "photos": [{"url": "https://cdn.shop.test/a.jpg", "width": 0}]}"#, "photos[0].width"),
                (#"{"customer_id": "\#(customerID)", "rating": 4, "body": "x", "photos": [{"url": "https://cdn.shop.test/a.jpg", "size": 3}]}"#, "photos[0].size"),
                (#"{"customer_id": "\#(customerID)", "rating": 4, "body": "x", "photos": ["https://cdn.shop.test/a.jpg"]}"#, "photos[0]"),
                (#"{"customer_id": "\#(customerID)", "rating": 4, "body": "x", "photos": [\#((0..<11).map { #"{"url": "https://cdn.shop.test/\#($0).jpg"}"# }.joined(separator: ","))]}"#, "photos"),
            ] {
                let refused = try await api.send(.post, "/api/v1/products/\(productID)/reviews", json: body)
                #expect(refused.status == .unprocessableContent, "\(body)")
                let fields = (refused.object["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
                #expect(fields.contains(field), "\(body): \(fields)")
            }
            #expect(try await api.send(.post, "/api/v1/products/prd_nothing/reviews", json: #"{"customer_id": "\#(customerID)", "rating": 4, "body": "x"}"#).status == .notFound)
            // Paid, not delivered: not a verified buyer.
            let unverified = try await api.send(.post, "/api/v1/products/\(productID)/reviews", json: #"{"customer_id": "\#(otherCustomer)", "order_id": "\#(otherOrder)", "rating": 2, "body": "Shrank."}"#)
            #expect(unverified.status == .created && unverified.object["verified"] as? Bool == false)
            let first = try await api.send(.post, "/api/v1/products/\(productID)/reviews", json: #"{"customer_id": "\#(customerID)", "order_id": "\#(orderID)", "rating": 4, "body": "Good"}"#)
            #expect(first.status == .created)
            #expect(try await api.send(.post, "/api/v1/products/\(productID)/reviews", json: #"{"customer_id": "\#(customerID)", "rating": 1, "body": "Again"}"#).status == .conflict)
            let id = try #require(first.object["id"] as? String)
            #expect(try await api.send(.post, "/api/v1/reviews/\(id)/reject", json: "{}").status == .unprocessableContent)
            #expect(try await api.send(.get, "/api/v1/reviews?status=hidden").status == .unprocessableContent)
            #expect(try await api.send(.get, "/reviews/\(api.workspaceID)/prd_nothing", key: "").status == .notFound)
            #expect(try await api.send(.get, "/reviews/wsp_nothing/\(productID)", key: "").status == .notFound)
        }
    }

    @Test("the product's reviews name the topics its approved reviews mention, with how those rated it")
    func topics() async throws {
        try await APIHarness.run(on: .sqlite) { api in
            let product = try await api.send(.post, "/api/v1/products", json: #"{"title": "Oxford shirt", "sku": "OX-1", "price": 5900, "currency": "EUR"}"#)
            let productID = try #require(product.object["id"] as? String)
            let written = [
                (5, "The collar sits well and the cotton feels soft."),
                (4, "Nice collar, cotton is thick."),
                (1, "Collar frayed after two washes."),
                (2, "Buttons fell off."),
            ]
            for (index, (rating, body)) in written.enumerated() {
                let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities": [{"kind": "email", "value": "buyer\#(index)@example.com"}]}"#)
                let customerID = try #require(customer.object["id"] as? String)
                let review = try await api.send(.post, "/api/v1/products/\(productID)/reviews", json: """
                    {"customer_id": "\(customerID)", "rating": \(rating), "body": "\(body)"}
                    """)
                let reviewID = try #require(review.object["id"] as? String, "\(review.text)")
                // The last stays pending: only approved reviews count.
                if index < 3 { #expect(try await api.send(.post, "/api/v1/reviews/\(reviewID)/approve").status == .ok) }
            }
            let listed = try await api.send(.get, "/api/v1/products/\(productID)/reviews").object
            let topics = try #require(listed["topics"] as? [[String: Any]])
            let collar = try #require(topics.first, "\(listed)")
            #expect(collar["term"] as? String == "collar" && collar["reviews"] as? Int == 3)
            #expect(collar["positive"] as? Int == 2 && collar["negative"] as? Int == 1)
            #expect(topics.contains { $0["term"] as? String == "cotton" && $0["reviews"] as? Int == 2 })
            #expect(!topics.contains { ($0["term"] as? String)?.contains("button") == true }, "a pending review is not mined")
        }
    }
}
