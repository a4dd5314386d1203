import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Recommendation API")
struct RecommendationAPITests {
    @Test("recommendations for a customer and for a product; bad limits and unknown ids are clear 4xx", arguments: TestDatabase.available)
    func recommendations(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            for (sku, category) in [("TEE", "Shirts"), ("CAP", "Hats"), ("SOCK", "Socks")] {
                let product = """
                    {"external_id": "\(sku)", "title": "\(sku)", "categories": ["\(category)"], "variants": [{"sku": "\(sku)", "price": 1000, "currency": "EUR"}]}
                    """
                #expect(try await api.send(.post, "/api/v1/products", json: product).status == .created)
            }
            var customerID = ""
            for index in 0..<3 {
                let order = """
                    {"number": "O-\(index)", "currency": "EUR", "status": "paid", "customer": {"email": "c\(index)@example.com"},
                     "lines": [{"sku": "TEE", "title": "Tee", "quantity": 1, "unit_price": 1000}, {"sku": "CAP", "title": "Cap", "quantity": 1, "unit_price": 1000}]}
                    """
                customerID = try #require(try await api.send(.post, "/api/v1/orders", json: order).object["customer_id"] as? String)
            }
            let products = try #require(try await api.send(.get, "/api/v1/products").object["data"] as? [[String: Any]])
            let tee = try #require(products.first { $0["title"] as? String == "TEE" }?["id"] as? String)
            let cap = try #require(products.first { $0["title"] as? String == "CAP" }?["id"] as? String)

            let forProduct = try await api.send(.get, "/api/v1/products/\(tee)/recommendations?limit=5")
            #expect(forProduct.status == .ok && forProduct.object["object"] as? String == "recommendations")
            let together = try #require(forProduct.object["bought_together"] as? [[String: Any]])
            #expect(together.first?["product_id"] as? String == cap && together.first?["reason"] as? String == "bought_together")
            #expect(together.first?["score"] as? Double == 3)

            // The product page shows the same.
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let page = String(buffer: try await WebWorkspaceTests.get(api, "/products/\(tee)", cookie: marketer.cookie).body)
            let section = try #require(page.range(of: "Frequently bought together").map { String(page[$0.upperBound...]) })
            #expect(section.prefix(300).contains("href=\"/products/\(cap)\">CAP</a>"))
            #expect(page.contains("Similar products"))

            let forCustomer = try await api.send(.get, "/api/v1/customers/\(customerID)/recommendations")
            let items = try #require(forCustomer.object["data"] as? [[String: Any]])
            // Both products were just bought: only the socks are left, as a popular product.
            #expect(items.map { $0["reason"] as? String } == ["popular"])

            #expect(try await api.send(.get, "/api/v1/customers/\(customerID)/recommendations?limit=0").status == .unprocessableContent)
            #expect(try await api.send(.get, "/api/v1/customers/\(customerID)/recommendations?limit=x").status == .unprocessableContent)
            #expect(try await api.send(.get, "/api/v1/customers/cus_missing/recommendations").status == .notFound)
            #expect(try await api.send(.get, "/api/v1/products/nonsense/recommendations").status == .notFound)
        }
    }
}
