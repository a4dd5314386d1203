import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

@Suite("Loyalty API")
struct LoyaltyAPITests {
    static let order = """
        {"number": "P-1", "currency": "EUR", "status": "paid", "customer": {"email": "points@example.com"},
         "lines": [{"sku": "TEE-1", "title": "Tee", "quantity": 2, "unit_price": 1500}], "shipping": 490, "tax": 570}
        """

    @Test("the programme is set, a delivered order earns a point per whole euro, a return takes its share back, points are spent", arguments: TestDatabase.available)
    func ledgerThroughTheAPI(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            #expect(try await api.send(.get, "/api/v1/loyalty/program").status == .notFound)
            let set = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"earn_per_currency_unit": 1, "pending_days": 0}"#)
            #expect(set.status == .ok)
            #expect(set.object["earn_per_currency_unit"] as? Double == 1 && set.object["pending_days"] as? Int == 0)
            #expect(set.object["assumed_delivery_days"] as? Int == 7 && set.object["earn_on"] as? String == "total")
            #expect(set.object["points_expire"] as? String == "never" && set.object["points_expire_after_days"] as? Int == 365)
            let expiring = try await api.send(
                .put, "/api/v1/loyalty/program", json: #"{"pending_days": 0, "points_expire": "after_days", "points_expire_after_days": 730}"#)
            #expect(expiring.object["points_expire"] as? String == "after_days" && expiring.object["points_expire_after_days"] as? Int == 730)
            // The bonuses are a group: given, all four are set; left out, they stay.
            let bonuses = try await api.send(
                .put, "/api/v1/loyalty/program", json: #"{"pending_days": 0, "points_for_review": 25, "points_for_birthday": 100}"#)
            #expect(bonuses.object["points_for_review"] as? Int == 25 && bonuses.object["points_for_birthday"] as? Int == 100)
            #expect(bonuses.object["points_for_sign_up"] as? Int == 0 && bonuses.object["points_for_review_verified_only"] as? Bool == true)
            let kept = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"pending_days": 0}"#)
            #expect(kept.object["points_for_review"] as? Int == 25 && kept.object["points_for_birthday"] as? Int == 100, "left out, the bonuses stay")

            let created = try await api.send(.post, "/api/v1/orders", json: Self.order)
            let orderID = try #require(created.object["id"] as? String)
            let customerID = try #require(created.object["customer_id"] as? String)
            var account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            // 40.60 EUR paid, not yet delivered: 40 points pending.
            #expect(account["balance"] as? Int == 0 && account["pending"] as? Int == 40)
            #expect(account.keys.contains("tier") && account["tier"] is NSNull)
            #expect(try await api.send(.patch, "/api/v1/orders/\(orderID)", json: #"{"status": "fulfilled"}"#).status == .ok)
            #expect(try await api.send(.patch, "/api/v1/orders/\(orderID)", json: #"{"status": "delivered"}"#).status == .ok)
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["balance"] as? Int == 40 && account["pending"] as? Int == 0)
            let entries = try #require(account["entries"] as? [[String: Any]])
            #expect(Set(entries.compactMap { $0["kind"] as? String }) == ["earn", "release"])
            #expect(entries.allSatisfy { $0["order_id"] as? String == orderID })

            let line = try #require((created.object["lines"] as? [[String: Any]])?.first?["id"] as? String)
            let returned = try await api.send(
                .post, "/api/v1/returns", json: #"{"order_id": "\#(orderID)", "items": [{"line_id": "\#(line)", "quantity": 1}], "reason": "Too small"}"#)
            let returnID = try #require(returned.object["id"] as? String)
            for status in ["approved", "received"] {
                #expect(try await api.send(.patch, "/api/v1/returns/\(returnID)", json: #"{"status": "\#(status)"}"#).status == .ok)
            }
            _ = try await api.send(.patch, "/api/v1/returns/\(returnID)", json: #"{"status": "refunded", "refund_amount": 1000}"#)
            // 10.00 of 40.60 refunded: 40 × 1000 ÷ 4060 = 9 points back.
            account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object
            #expect(account["balance"] as? Int == 31)

            let spent = try await api.send(.post, "/api/v1/customers/\(customerID)/loyalty/redemptions", json: #"{"points": 31, "reason": "5 EUR off"}"#)
            #expect(spent.status == .created && spent.object["points"] as? Int == -31 && spent.object["kind"] as? String == "redeem")
            let overspent = try await api.send(.post, "/api/v1/customers/\(customerID)/loyalty/redemptions", json: #"{"points": 1}"#)
            #expect(overspent.status == .conflict)
            let given = try await api.send(.post, "/api/v1/customers/\(customerID)/loyalty/adjustments", json: #"{"points": 15, "reason": "Sorry for the delay"}"#)
            #expect(given.status == .created && given.object["actor"] as? String != nil)
            #expect(try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty?limit=1").object["has_more"] as? Bool == true)
        }
    }

    @Test("bad programme settings and bad point requests are refused with the field named, and change nothing", arguments: TestDatabase.available)
    func badInput(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            for (body, field) in [
                (#"{"earn_per_currency_unit": "one"}"#, "earn_per_currency_unit"),
                (#"{"earn_per_currency_unit": 0.125}"#, "earn_per_currency_unit"),
                (#"{"pending_days": -1}"#, "pending_days"),
                (#"{"tiers": [{"name": "Gold"}]}"#, "tiers[0].minimum_points"),
                (#"{"earn_on": "shipping"}"#, "earn_on"),
                (#"{"bonus": 5}"#, "bonus"),
                (#"{"points_expire": "sometimes"}"#, "points_expire"),
                (#"{"points_expire": "after_days", "points_expire_after_days": 0}"#, "points_expire_after_days"),
                (#"{"points_for_review": -1}"#, "points_for_review"),
                (#"{"points_for_sign_up": 1000001}"#, "points_for_sign_up"),
                (#"{"points_for_birthday": "many"}"#, "points_for_birthday"),
                (#"{"points_for_review_verified_only": "yes"}"#, "points_for_review_verified_only"),
            ] {
                let refused = try await api.send(.put, "/api/v1/loyalty/program", json: body)
                #expect(refused.status == .unprocessableContent, "\(body)")
                let fields = (refused.object["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
                #expect(fields.contains(field), "\(body): \(fields)")
            }
            #expect(try await api.send(.get, "/api/v1/loyalty/program").status == .notFound)
            let created = try await api.send(.post, "/api/v1/orders", json: Self.order)
            let customerID = try #require(created.object["customer_id"] as? String)
            for body in [#"{"points": 0, "reason": "x"}"#, #"{"points": 5}"#, #"{"reason": "no points"}"#, #"{"points": 5, "reason": " "}"#] {
                #expect(try await api.send(.post, "/api/v1/customers/\(customerID)/loyalty/adjustments", json: body).status == .unprocessableContent, "\(body)")
            }
            #expect(try await api.send(.get, "/api/v1/customers/cus_nobody/loyalty").status == .notFound)
            #expect(try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object["entries"] as? [Any] != nil)
        }
    }
}
