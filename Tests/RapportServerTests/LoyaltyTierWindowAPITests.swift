import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Loyalty tiers over a rolling window")
struct LoyaltyTierWindowAPITests {
    typealias Web = WebWorkspaceTests

    static func order(_ number: String, euros: Int, daysAgo: Double) -> String {
        let placed = Timestamp.iso8601(Date().addingTimeInterval(-daysAgo * 86_400))
        return """
            {"number": "\(number)", "currency": "EUR", "status": "delivered", "customer": {"email": "window@example.com"}, "placed_at": "\(placed)",
             "lines": [{"sku": "TEA-1", "title": "Tea", "quantity": 1, "unit_price": \(euros * 100)}]}
            """
    }

    @Test("a tier counts the orders of its window; the grace period keeps it (and its multiplier) after they leave; a return gives no grace", arguments: TestDatabase.available)
    func windowAndGrace(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let tiers = #""tiers": [{"name": "Silver", "minimum_points": 50}, {"name": "Gold", "minimum_points": 100, "multiplier": 2}]"#
            let set = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"pending_days": 0, \#(tiers), "tier_window_days": 30, "tier_grace_days": 10}"#)
            #expect(set.status == .ok && set.object["tier_window_days"] as? Int == 30 && set.object["tier_grace_days"] as? Int == 10)
            // 60 points placed 5 days ago, then 100 placed 35 days ago: out of the window now, in it 10 days ago.
            let recent = try #require(try await api.send(.post, "/api/v1/orders", json: Self.order("W-2", euros: 60, daysAgo: 5)).object["id"] as? String)
            let old = try await api.send(.post, "/api/v1/orders", json: Self.order("W-1", euros: 100, daysAgo: 35))
            let customerID = try #require(old.object["customer_id"] as? String)
            var account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["qualifying_points"] as? Int == 160 && account["tier_points"] as? Int == 60)
            #expect(account["tier"] as? String == "Gold" && account["tier_in_grace"] as? Bool == true && account["next_tier"] is NSNull)
            // Gold by grace multiplies like Gold: 10 EUR earn 20.
            _ = try await api.send(.post, "/api/v1/orders", json: Self.order("W-3", euros: 10, daysAgo: 0))
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            let reasons = (account["entries"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
            #expect(reasons.contains("Order W-3: 10.00 EUR, Gold ×2") && reasons.contains("Order W-1: 100.00 EUR"), "W-1 earned at Silver, which multiplies nothing")
            #expect(account["tier_points"] as? Int == 80)
            var totals = try await api.send(.get, "/api/v1/loyalty/totals").object
            #expect((totals["tiers"] as? [[String: Any]])?.map { $0["customers"] as? Int } == [0, 1])
            _ = try await Web.user(api, .manager)
            let page = try await Web.signIn(api, "manager@shop.test")
            let card = try await Web.get(api, "/customers/\(customerID)", cookie: page.cookie)
            #expect(card.text.contains("Gold <small>(kept for the grace period)</small>"))

            // Eleven days on, the grace is over: Silver (60 + 20 in the window), 20 points from Gold.
            api.clock.advance(by: 11 * 86_400)
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["tier"] as? String == "Silver" && account["tier_in_grace"] as? Bool == false)
            #expect(account["next_tier"] as? String == "Gold" && account["points_to_next_tier"] as? Int == 20)
            totals = try await api.send(.get, "/api/v1/loyalty/totals").object
            #expect((totals["tiers"] as? [[String: Any]])?.map { $0["customers"] as? Int } == [1, 0])

            // A full refund of the 60 takes its points from every day it counted: no tier, no grace.
            #expect(try await api.send(.patch, "/api/v1/orders/\(recent)", json: #"{"status": "refunded"}"#).status == .ok)
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["tier"] is NSNull && account["tier_points"] as? Int == 20 && account["tier_in_grace"] as? Bool == false)

            // Without a window, every order counts again; a grace period without one is refused.
            let lifetime = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"pending_days": 0, \#(tiers)}"#)
            #expect(lifetime.object["tier_window_days"] is NSNull && lifetime.object["tier_grace_days"] as? Int == 0)
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["tier"] as? String == "Gold" && account["tier_points"] as? Int == 120)
            let refused = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"tier_grace_days": 10}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(((refused.object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String } == ["tier_grace_days"])
            let zero = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"tier_window_days": 0}"#)
            #expect(zero.status == .unprocessableContent)
            #expect(try await api.send(.get, "/api/v1/loyalty/program").object["tier_window_days"] is NSNull, "nothing changed")

            // The loyalty page sets the window and its grace, shows them again, and clears the grace with the window.
            let saved = try await Web.post(api, "/loyalty", [
                ("_csrf", page.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1"), ("tiers", "Silver: 50\nGold: 100 ×2"),
                ("tier_window_days", "365"), ("tier_grace_days", "30"),
            ], cookie: page.cookie)
            #expect(saved.status == .seeOther)
            let shown = try await Web.get(api, "/loyalty", cookie: page.cookie)
            #expect(shown.text.contains("name=\"tier_window_days\" value=\"365\"") && shown.text.contains("name=\"tier_grace_days\" value=\"30\""))
            let cleared = try await Web.post(api, "/loyalty", [
                ("_csrf", page.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1"), ("tier_window_days", ""), ("tier_grace_days", "30"),
            ], cookie: page.cookie)
            #expect(cleared.status == .seeOther)
            let program = try await api.services.loyalty.program(as: .operator(workspaceID: api.workspaceID))
            #expect(program?.tierWindowDays == nil && program?.tierGraceDays == 0)
            let wrong = try await Web.post(api, "/loyalty", [
                ("_csrf", page.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1"), ("tier_window_days", "a year"),
            ], cookie: page.cookie)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("Tier window days must be a whole number") && wrong.text.contains("value=\"a year\""))
        }
    }
}
