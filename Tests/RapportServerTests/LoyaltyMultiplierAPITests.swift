import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Loyalty multipliers through the API")
struct LoyaltyMultiplierAPITests {
    static let program = """
        {"pending_days": 0, "tiers": [{"name": "Member", "minimum_points": 0, "multiplier": 1.25}, {"name": "Gold", "minimum_points": 100, "multiplier": 1.5}],
         "multipliers": [{"name": "Coffee month", "multiplier": 2, "category": "coffee"},
                         {"name": "Black Friday", "multiplier": 3, "starts_at": "2026-11-27T00:00:00Z", "ends_at": "2026-11-30T00:00:00Z"}]}
        """

    static func order(_ number: String, lines: String, placedAt: String? = nil) -> String {
        let placed = placedAt.map { #", "placed_at": "\#($0)""# } ?? ""
        return #"{"number": "\#(number)", "currency": "EUR", "status": "delivered", "customer": {"email": "beans@example.com"}, "lines": [\#(lines)]\#(placed)}"#
    }

    static let beans = #"{"sku": "BEANS-1", "title": "Beans", "quantity": 1, "unit_price": 2000}"#
    static let cup = #"{"sku": "CUP-1", "title": "Cup", "quantity": 1, "unit_price": 2000}"#
    /// Sold without a product in the catalogue: no category.
    static let gift = #"{"sku": "GIFT-9", "title": "Gift wrap", "quantity": 1, "unit_price": 4000}"#

    @Test("a category doubles its lines' share, a tier multiplies the orders of those in it, a period multiplies on top; each entry names why", arguments: TestDatabase.available)
    func multiplied(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let set = try await api.send(.put, "/api/v1/loyalty/program", json: Self.program)
            #expect(set.status == .ok)
            let tiers = try #require(set.object["tiers"] as? [[String: Any]])
            #expect(tiers.map { $0["multiplier"] as? Double } == [1.25, 1.5])
            let multipliers = try #require(set.object["multipliers"] as? [[String: Any]])
            #expect(multipliers.map { $0["name"] as? String } == ["Coffee month", "Black Friday"])
            #expect(multipliers.first?["category"] as? String == "coffee" && multipliers.first?["starts_at"] is NSNull)
            #expect(multipliers.last?["multiplier"] as? Double == 3 && multipliers.last?["starts_at"] as? String == "2026-11-27T00:00:00.000Z")
            for (sku, category) in [("BEANS-1", "Coffee"), ("CUP-1", "Cups")] {
                let product = try await api.send(
                    .post, "/api/v1/products", json: #"{"title": "\#(sku)", "sku": "\#(sku)", "price": 2000, "currency": "EUR", "categories": ["\#(category)"]}"#)
                #expect(product.status == .created)
            }

            // A new customer (no points yet) is a Member from 0: 20 EUR of coffee, 20 of cups and 40
            // of gift wrap earn (20 × 2 + 20 + 40) × 1.25 = 125, which reaches Gold.
            let first = try await api.send(.post, "/api/v1/orders", json: Self.order("M-1", lines: "\(Self.beans), \(Self.cup), \(Self.gift)"))
            let customerID = try #require(first.object["customer_id"] as? String)
            var account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["balance"] as? Int == 125 && account["tier"] as? String == "Gold")
            // Gold now: 40 EUR of cups earn 40 × 1.5.
            _ = try await api.send(.post, "/api/v1/orders", json: Self.order("M-2", lines: "\(Self.cup), \(Self.cup)"))
            // Placed on Black Friday: ×3 for every line (beating coffee's ×2), and Gold's ×1.5: 40 × 3 × 1.5.
            _ = try await api.send(.post, "/api/v1/orders", json: Self.order("M-3", lines: "\(Self.beans), \(Self.cup)", placedAt: "2026-11-28T10:00:00Z"))
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["balance"] as? Int == 125 + 60 + 180)
            let reasons = Set(try #require(account["entries"] as? [[String: Any]]).compactMap { $0["reason"] as? String })
            #expect(reasons == [
                "Order M-1: 80.00 EUR, Coffee month ×2, Member ×1.25", "Order M-2: 40.00 EUR, Gold ×1.5", "Order M-3: 40.00 EUR, Black Friday ×3, Gold ×1.5",
            ])

            // Left out, the multipliers stay; a wrong one is named and changes nothing.
            let kept = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"pending_days": 0}"#)
            #expect((kept.object["multipliers"] as? [[String: Any]])?.count == 2 && (kept.object["tiers"] as? [[String: Any]])?.isEmpty == true)
            for (body, field) in [
                (#"{"multipliers": [{"name": "Half", "multiplier": 0.5, "category": "x"}]}"#, "multipliers[0].multiplier"),
                (#"{"multipliers": [{"name": "Always", "multiplier": 2}]}"#, "multipliers[0]"),
                (#"{"multipliers": [{"multiplier": 2, "category": "x"}]}"#, "multipliers[0].name"),
                (#"{"multipliers": [{"name": "Odd", "multiplier": 1.234, "category": "x"}]}"#, "multipliers[0].multiplier"),
                (#"{"tiers": [{"name": "Gold", "minimum_points": 5, "multiplier": "lots"}]}"#, "tiers[0].multiplier"),
            ] {
                let refused = try await api.send(.put, "/api/v1/loyalty/program", json: body)
                #expect(refused.status == .unprocessableContent, "\(body)")
                #expect(((refused.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }.contains(field), "\(body)")
            }
            #expect((try await api.send(.get, "/api/v1/loyalty/program").object["multipliers"] as? [[String: Any]])?.count == 2)
        }
    }
}
