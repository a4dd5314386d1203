import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Commerce API")
struct CommerceAPITests {
    static let order = """
        {"number": "A-1", "currency": "EUR", "status": "paid", "customer": {"email": "shop@example.com", "first_name": "Sam"},
         "lines": [{"sku": "TEE-1", "title": "Tee", "quantity": 2, "unit_price": 1500}], "shipping": 490, "tax": 570,
         "placed_at": "2026-11-01T12:00:00Z"}
        """

    @Test("an order is created, found by customer and status, moved along its lifecycle and returned", arguments: TestDatabase.available)
    func orderLifecycle(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/orders", json: Self.order)
            #expect(created.status == .created)
            let order = created.object
            let id = try #require(order["id"] as? String)
            let totals = try #require(order["totals"] as? [String: Any])
            #expect(totals["total"] as? Int == 4_060)
            let again = try await api.send(.post, "/api/v1/orders", json: Self.order)
            #expect(again.status == .ok && again.object["id"] as? String == id)

            let customerID = try #require(order["customer_id"] as? String)
            let listed = try await api.send(.get, "/api/v1/orders?customer_id=\(customerID)&status=paid")
            #expect((listed.object["data"] as? [[String: Any]])?.count == 1)
            let empty = try await api.send(.get, "/api/v1/orders?placed_before=2026-10-01T00:00:00Z")
            #expect((empty.object["data"] as? [[String: Any]])?.isEmpty == true)

            let refused = try await api.send(.patch, "/api/v1/orders/\(id)", json: #"{"status": "pending"}"#)
            #expect(refused.status == .conflict)
            let shipped = try await api.send(
                .post, "/api/v1/orders/\(id)/fulfillments",
                json: #"{"carrier": "DHL", "tracking_number": "JJD0001", "tracking_url": "https://dhl.example/JJD0001"}"#)
            #expect(shipped.status == .created)
            let fulfillments = try await api.send(.get, "/api/v1/orders/\(id)/fulfillments")
            #expect((fulfillments.object["data"] as? [[String: Any]])?.first?["tracking_number"] as? String == "JJD0001")
            let delivered = try await api.send(.patch, "/api/v1/orders/\(id)", json: #"{"status": "delivered"}"#)
            #expect(delivered.object["status"] as? String == "delivered")

            let line = try #require((order["lines"] as? [[String: Any]])?.first?["id"] as? String)
            let returned = try await api.send(
                .post, "/api/v1/returns", json: #"{"order_id": "\#(id)", "items": [{"line_id": "\#(line)", "quantity": 1}], "reason": "Too small"}"#)
            #expect(returned.status == .created)
            let returnID = try #require(returned.object["id"] as? String)
            let view = try await api.send(.get, "/api/v1/customers/\(customerID)")
            let commerce = try #require(view.object["commerce"] as? [String: Any])
            #expect(commerce["order_count"] as? Int == 1 && commerce["open_returns"] as? Int == 1)
            #expect((commerce["last_order"] as? [String: Any])?["number"] as? String == "A-1")
            for status in ["approved", "received"] {
                #expect(try await api.send(.patch, "/api/v1/returns/\(returnID)", json: #"{"status": "\#(status)"}"#).status == .ok)
            }
            let refunded = try await api.send(.patch, "/api/v1/returns/\(returnID)", json: #"{"status": "refunded", "refund_amount": 1000}"#)
            #expect(refunded.object["refund_amount"] as? Int == 1_000)
            let after = try await api.send(.get, "/api/v1/orders/\(id)")
            #expect(after.object["status"] as? String == "partially_refunded")

            let stats = try await api.send(.get, "/api/v1/stats")
            for key in ["customers", "identities", "products", "orders", "returns", "tracked_events"] {
                #expect(stats.object[key] is Int, "stats has \(key)")
            }
            #expect(stats.object["orders"] as? Int == 1 && stats.object["returns"] as? Int == 1)
        }
    }

    @Test("bad order input gets 422 naming the fields, and unknown ids 404", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let bad = try await api.send(
                .post, "/api/v1/orders",
                json: #"{"number": "B-1", "currency": "EUR", "channel": "carrier-pigeon", "lines": [{"quantity": "two"}], "colour": 1}"#)
            #expect(bad.status == .unprocessableContent)
            let fields = Set(((bad.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields.isSuperset(of: ["channel", "lines[0].quantity", "lines[0].unit_price", "colour"]))
            #expect(try await api.send(.get, "/api/v1/orders/ord_01M85Z2TNC7PDQD87Z64YXE4SS").status == .notFound)
            #expect(try await api.send(.get, "/api/v1/products/nope").status == .notFound)
            let product = try await api.send(
                .post, "/api/v1/products", json: #"{"title": "Tee", "sku": "TEE-1", "price": 1500, "currency": "EUR", "categories": ["shirts"]}"#)
            #expect(product.status == .created)
            let search = try await api.send(.get, "/api/v1/products?query=tee")
            #expect((search.object["data"] as? [[String: Any]])?.count == 1)
            #expect(try await api.send(.get, "/api/v1/stats").object["orders"] as? Int == 0)
        }
    }

    @Test("a source is connected with its webhook URL; a bad one gets 422 and nothing is connected", arguments: TestDatabase.available)
    func sources(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let bad = try await api.send(.post, "/api/v1/sources", json: #"{"kind": "magento", "name": "x"}"#)
            #expect(bad.status == .unprocessableContent)
            let fields = Set(((bad.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["kind", "secret"])
            let badProduct = try await api.send(.post, "/api/v1/products", json: #"{"title": "", "price": -5, "currency": "EURO"}"#)
            #expect(badProduct.status == .unprocessableContent)
            #expect((try await api.send(.get, "/api/v1/sources").object["data"] as? [[String: Any]])?.isEmpty == true)
            let created = try await api.send(.post, "/api/v1/sources", json: #"{"kind": "shopify", "secret": "hush", "name": "Main"}"#)
            #expect(created.status == .created)
            let url = try #require(created.object["webhook_url"] as? String)
            #expect(url.hasSuffix("/webhooks/shopify/\(created.object["id"] as? String ?? "")"))
            #expect(created.object["secret"] == nil)
            #expect(try await api.send(.get, "/api/v1/stats").object["products"] as? Int == 0)
        }
    }
}
