import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Loyalty tiers by spend")
struct LoyaltySpendTierAPITests {
    typealias Web = WebWorkspaceTests

    static func order(_ number: String, amount: Int, currency: String = "EUR", daysAgo: Double = 0) -> String {
        let placed = Timestamp.iso8601(Date().addingTimeInterval(-daysAgo * 86_400))
        return """
            {"number": "\(number)", "currency": "\(currency)", "status": "delivered", "customer": {"email": "spender@example.com"},
             "placed_at": "\(placed)", "lines": [{"sku": "TEA-1", "title": "Tea", "quantity": 1, "unit_price": \(amount)}]}
            """
    }

    static let program = #"""
        {"pending_days": 0, "earn_per_currency_unit": 0.5, "tier_measure": "spend", "tier_currency": "eur",
         "tiers": [{"name": "Gold", "minimum_spend": 50000, "multiplier": 2}, {"name": "Silver", "minimum_spend": 20000}]}
        """#

    @Test("spend tiers count what was spent and kept in their currency; the tier multiplies from the next order; refunds lower it", arguments: TestDatabase.available)
    func spendTiers(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let set = try await api.send(.put, "/api/v1/loyalty/program", json: Self.program)
            #expect(set.status == .ok && set.object["tier_measure"] as? String == "spend" && set.object["tier_currency"] as? String == "EUR")
            let tiers = set.object["tiers"] as? [[String: Any]] ?? []
            #expect(tiers.map { $0["minimum_spend"] as? Int } == [20000, 50000] && tiers.allSatisfy { $0["minimum_points"] is NSNull })

            let first = try await api.send(.post, "/api/v1/orders", json: Self.order("S-1", amount: 30000))
            let (firstID, customerID) = (try #require(first.object["id"] as? String), try #require(first.object["customer_id"] as? String))
            var account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["tier_measure"] as? String == "spend" && account["tier"] as? String == "Silver")
            #expect(account["tier_spend"] as? Int == 30000 && account["tier_currency"] as? String == "EUR" && account["tier_points"] is NSNull)
            #expect(account["next_tier"] as? String == "Gold" && account["spend_to_next_tier"] as? Int == 20000 && account["points_to_next_tier"] is NSNull)
            #expect(account["qualifying_points"] as? Int == 150, "points still follow the rate")

            // Another currency counts nothing towards the tiers (it still earns points).
            _ = try await api.send(.post, "/api/v1/orders", json: Self.order("S-USD", amount: 100_000, currency: "USD"))
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["tier_spend"] as? Int == 30000 && account["tier"] as? String == "Silver")

            // The order that lifts the customer into Gold earns at Silver; the next one doubles.
            let secondOrder = try await api.send(.post, "/api/v1/orders", json: Self.order("S-2", amount: 25000)).object
            let second = try #require(secondOrder["id"] as? String)
            let line = try #require((secondOrder["lines"] as? [[String: Any]])?.first?["id"] as? String)
            _ = try await api.send(.post, "/api/v1/orders", json: Self.order("S-3", amount: 1000))
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["tier"] as? String == "Gold" && account["tier_spend"] as? Int == 56000 && account["next_tier"] is NSNull)
            let reasons = (account["entries"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
            #expect(reasons.contains("Order S-2: 250.00 EUR") && reasons.contains("Order S-3: 10.00 EUR, Gold ×2"), "\(reasons)")
            var totals = try await api.send(.get, "/api/v1/loyalty/totals").object
            let counted = totals["tiers"] as? [[String: Any]] ?? []
            #expect(counted.map { $0["customers"] as? Int } == [0, 1] && counted.map { $0["minimum_spend"] as? Int } == [20000, 50000])

            // A partial refund keeps the rest of the order's spend; a full refund keeps none.
            let returned = try await api.send(
                .post, "/api/v1/returns", json: #"{"order_id": "\#(second)", "items": [{"line_id": "\#(line)", "quantity": 1}], "reason": "Too big"}"#)
            let returnID = try #require(returned.object["id"] as? String)
            for status in ["approved", "received"] {
                #expect(try await api.send(.patch, "/api/v1/returns/\(returnID)", json: #"{"status": "\#(status)"}"#).status == .ok)
            }
            let refunded = try await api.send(.patch, "/api/v1/returns/\(returnID)", json: #"{"status": "refunded", "refund_amount": 10000}"#)
            #expect(refunded.status == .ok)
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["tier_spend"] as? Int == 46000 && account["tier"] as? String == "Silver" && account["spend_to_next_tier"] as? Int == 4000)
            #expect(try await api.send(.patch, "/api/v1/orders/\(firstID)", json: #"{"status": "refunded"}"#).status == .ok)
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["tier"] is NSNull && account["tier_spend"] as? Int == 16000 && account["spend_to_next_tier"] as? Int == 4000)
            totals = try await api.send(.get, "/api/v1/loyalty/totals").object
            #expect((totals["tiers"] as? [[String: Any]])?.map { $0["customers"] as? Int } == [0, 0])

            // The workspace's card says what is still to spend.
            _ = try await Web.user(api, .manager)
            let page = try await Web.signIn(api, "manager@shop.test")
            let card = try await Web.get(api, "/customers/\(customerID)", cookie: page.cookie)
            #expect(card.text.contains("(40.00 EUR to Silver)"), "the card names the amount")
        }
    }

    @Test("a spend tier needs its currency and minimum_spend; nothing changes when refused", arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            func fields(_ body: String) async throws -> [String] {
                let refused = try await api.send(.put, "/api/v1/loyalty/program", json: body)
                #expect(refused.status == .unprocessableContent)
                return ((refused.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
            }
            let refused0 = try await fields(#"{"tier_measure": "spend", "tiers": [{"name": "Gold", "minimum_spend": 100}]}"#)
            #expect(refused0 == ["tier_currency"])
            let refused1 = try await fields(#"{"tier_measure": "spend", "tier_currency": "EUR", "tiers": [{"name": "Gold", "minimum_points": 100}]}"#)
            #expect(refused1.contains("tiers[0].minimum_spend"), "a spend tier starts at minimum_spend")
            let refused2 = try await fields(#"{"tier_measure": "spend", "tier_currency": "EURO", "tiers": []}"#)
            #expect(refused2 == ["tier_currency"])
            let refused3 = try await fields(#"{"tier_measure": "money"}"#)
            #expect(refused3 == ["tier_measure"])
            #expect(try await api.send(.get, "/api/v1/loyalty/program").status == .notFound, "no programme was made")
        }
    }

    @Test("the loyalty page sets spend tiers as amounts of their currency and shows them again", arguments: TestDatabase.available)
    func page(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await Web.user(api, .manager)
            let page = try await Web.signIn(api, "manager@shop.test")
            let saved = try await Web.post(api, "/loyalty", [
                ("_csrf", page.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1"), ("tier_measure", "spend"), ("tier_currency", "eur"),
                ("tiers", "Silver: 199.50\nGold 500 ×1.5"),
            ], cookie: page.cookie)
            #expect(saved.status == .seeOther)
            let program = try #require(try await api.services.loyalty.program(as: .operator(workspaceID: api.workspaceID)))
            #expect(program.tierMeasure == .spend && program.tierCurrency == "EUR")
            #expect(program.tiers.map(\.minimum) == [19950, 50000] && program.tiers.map(\.multiplierHundredths) == [100, 150])
            let shown = try await Web.get(api, "/loyalty", cookie: page.cookie)
            #expect(shown.text.contains("Silver: 199.50\nGold: 500 ×1.5") && shown.text.contains("<option value=\"spend\" selected>"))
            #expect(shown.text.contains("name=\"tier_currency\" value=\"EUR\""))
            // A thousands separator is no amount: refused with the line named, and nothing changes.
            let wrong = try await Web.post(api, "/loyalty", [
                ("_csrf", page.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1"), ("tier_measure", "spend"), ("tier_currency", "EUR"),
                ("tiers", "Gold: 1,000"),
            ], cookie: page.cookie)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("line 1 must be a name and an amount in EUR"))
            let missing = try await Web.post(api, "/loyalty", [
                ("_csrf", page.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1"), ("tier_measure", "spend"), ("tiers", "Gold: 500"),
            ], cookie: page.cookie)
            #expect(missing.status == .unprocessableContent && missing.text.contains("Tier currency is required"))
            // Switching to points with the amounts left as shown would read 199.50 EUR as points: refused until typed again.
            let switched = try await Web.post(api, "/loyalty", [
                ("_csrf", page.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1"), ("tier_measure", "points"), ("tier_currency", "EUR"),
                ("tiers", "Silver: 199.50\r\nGold: 500 ×1.5"), ("tiers_shown", "Silver: 199.50\nGold: 500 ×1.5"), ("tiers_shown_measure", "spend"),
                ("tiers_shown_currency", "EUR"),
            ], cookie: page.cookie)
            #expect(switched.status == .unprocessableContent && switched.text.contains("must be typed again as points"))
            let kept = try await api.services.loyalty.program(as: .operator(workspaceID: api.workspaceID))
            #expect(kept?.tiers.map(\.minimum) == [19950, 50000] && kept?.tierMeasure == .spend)
            let retyped = try await Web.post(api, "/loyalty", [
                ("_csrf", page.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1"), ("tier_measure", "points"), ("tier_currency", "EUR"),
                ("tiers", "Silver: 200\nGold: 500"), ("tiers_shown", "Silver: 199.50\nGold: 500 ×1.5"), ("tiers_shown_measure", "spend"),
                ("tiers_shown_currency", "EUR"),
            ], cookie: page.cookie)
            #expect(retyped.status == .seeOther, "points drop the currency left in its field")
            let points = try await api.services.loyalty.program(as: .operator(workspaceID: api.workspaceID))
            #expect(points?.tierMeasure == .points && points?.tierCurrency == nil && points?.tiers.map(\.minimum) == [200, 500])
        }
    }

    @Test("a replay prices each order at the tier the orders placed before it reach, however its pages fall; the shop's history counts", arguments: TestDatabase.available)
    func replay(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            // Two orders recorded before there was a programme.
            _ = try await api.send(.post, "/api/v1/orders", json: Self.order("H-1", amount: 30000, daysAgo: 10))
            let later = try await api.send(.post, "/api/v1/orders", json: Self.order("H-2", amount: 30000, daysAgo: 5))
            let customerID = try #require(later.object["customer_id"] as? String)
            let program = #"{"pending_days": 0, "tier_measure": "spend", "tier_currency": "EUR", "tiers": [{"name": "Silver", "minimum_spend": 25000, "multiplier": 2}]}"#
            #expect(try await api.send(.put, "/api/v1/loyalty/program", json: program).status == .ok)
            var account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["tier"] as? String == "Silver" && account["balance"] as? Int == 0, "spend counts history before any points")
            let totals = try await api.send(.get, "/api/v1/loyalty/totals").object
            #expect((totals["tiers"] as? [[String: Any]])?.first?["customers"] as? Int == 1 && totals["members"] as? Int == 0, "a spender without points is counted")
            for pageSize in [1, 5_000] {
                let replayed = try await api.services.loyalty.replay(pageSize: pageSize, as: .operator(workspaceID: api.workspaceID))
                #expect(replayed.orders == 2)
            }
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            let reasons = (account["entries"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
            #expect(Set(reasons) == ["Order H-1: 300.00 EUR", "Order H-2: 300.00 EUR, Silver ×2"], "\(reasons)")
            #expect(account["balance"] as? Int == 900)
        }
    }

    @Test("over a window, spend counts the orders placed in it; a tier as GET shows it goes back with PUT", arguments: TestDatabase.available)
    func windowAndRoundTrip(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let program = #"""
                {"pending_days": 0, "tier_measure": "spend", "tier_currency": "EUR", "tier_window_days": 30,
                 "tiers": [{"name": "Silver", "minimum_spend": 25000}]}
                """#
            let set = try await api.send(.put, "/api/v1/loyalty/program", json: program)
            #expect(set.status == .ok)
            _ = try await api.send(.post, "/api/v1/orders", json: Self.order("W-1", amount: 30000, daysAgo: 40))
            let recent = try await api.send(.post, "/api/v1/orders", json: Self.order("W-2", amount: 10000, daysAgo: 3))
            let customerID = try #require(recent.object["customer_id"] as? String)
            let account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["tier"] is NSNull && account["tier_spend"] as? Int == 10000 && account["spend_to_next_tier"] as? Int == 15000)

            // The tiers as answered (minimum_points null beside minimum_spend) are taken back as they are.
            let tiers = try #require(set.object["tiers"] as? [[String: Any]])
            let body = try JSONSerialization.data(withJSONObject: [
                "pending_days": 0, "tier_measure": "spend", "tier_currency": "EUR", "tier_window_days": 30, "tiers": tiers,
            ] as [String: Any])
            let again = try await api.send(.put, "/api/v1/loyalty/program", json: String(decoding: body, as: UTF8.self))
            #expect(again.status == .ok && (again.object["tiers"] as? [[String: Any]])?.first?["minimum_spend"] as? Int == 25000, "\(again.text)")
            // A value in the other measure's field is refused, as is a currency for points.
            let mixed = try await api.send(
                .put, "/api/v1/loyalty/program", json: #"{"tiers": [{"name": "Silver", "minimum_points": 10, "minimum_spend": 25000}]}"#)
            #expect(mixed.status == .unprocessableContent && mixed.text.contains("tiers[0].minimum_spend"))
            let currency = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"tier_currency": "EUR"}"#)
            #expect(currency.status == .unprocessableContent && currency.text.contains("tier_currency"))
            #expect(try await api.send(.get, "/api/v1/loyalty/program").object["tier_measure"] as? String == "spend", "nothing changed")
        }
    }
}
