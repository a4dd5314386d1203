import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// Rewards bought with points: the programme's rewards, a code issued for the points (once,
/// within the balance), announced for the shop, and used once by the order that carries it.
@Suite("Loyalty rewards API")
struct LoyaltyRewardAPITests {
    static let program = """
        {"earn_per_currency_unit": 1, "pending_days": 0, "reward_valid_days": 30, "rewards": [
          {"key": "five-off", "name": "5 EUR off", "points": 500, "kind": "amount_off", "amount": 500, "currency": "eur"},
          {"key": "ship", "name": "Free shipping", "points": 300, "kind": "free_shipping"},
          {"key": "mug", "name": "A mug on us", "points": 900, "kind": "product", "sku": "MUG-1"}]}
        """

    @Test("bad rewards are refused with the field named; a programme's rewards come back cheapest first", arguments: TestDatabase.available)
    func settings(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let bad: [(String, String)] = [
                (#"[{"key": "x", "name": "X", "points": 5, "kind": "bogus"}]"#, "rewards[0].kind"),
                (#"[{"key": "x", "name": "X", "points": 5, "kind": "amount_off", "currency": "EUR"}]"#, "rewards[0].amount"),
                (#"[{"key": "x", "name": "X", "points": 5, "kind": "percent_off", "percent": 150}]"#, "rewards[0].percent"),
                (#"[{"key": "x", "name": "X", "points": 5, "kind": "free_shipping"}, {"key": "X", "name": "Y", "points": 6, "kind": "free_shipping"}]"#, "rewards[1].key"),
                (#"[{"key": "no spaces", "name": "X", "points": 5, "kind": "free_shipping"}]"#, "rewards[0].key"),
                (#"[{"key": "x", "name": "X", "points": 0, "kind": "free_shipping"}]"#, "rewards[0].points"),
            ]
            for (rewards, field) in bad {
                let refused = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"rewards": \#(rewards)}"#)
                #expect(refused.status == .unprocessableContent && refused.text.contains(field), "\(rewards) is refused on \(field)")
            }
            #expect(try await api.send(.get, "/api/v1/loyalty/program").status == .notFound, "nothing saved")
            let saved = try await api.send(.put, "/api/v1/loyalty/program", json: Self.program)
            #expect(saved.status == .ok && saved.object["reward_valid_days"] as? Int == 30)
            let rewards = try #require(saved.object["rewards"] as? [[String: Any]])
            #expect(rewards.map { $0["key"] as? String } == ["ship", "five-off", "mug"])
            #expect(rewards[1]["currency"] as? String == "EUR" && rewards[1]["amount"] as? Int == 500 && rewards[2]["sku"] as? String == "MUG-1")
            #expect(rewards[0]["amount"] is NSNull, "what a kind does not use is null")
            let kept = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"earn_per_currency_unit": 2}"#)
            #expect((kept.object["rewards"] as? [Any])?.count == 3 && kept.object["reward_valid_days"] as? Int == 30,
                    "a programme set without rewards keeps its rewards and their validity")
            let cleared = try await api.send(.put, "/api/v1/loyalty/program", json: #"{"rewards": []}"#)
            #expect((cleared.object["rewards"] as? [Any])?.isEmpty == true && cleared.object["earn_per_currency_unit"] as? Double == 1)
        }
    }

    @Test("a reward's code costs its points once, is announced, and is used once by the order that carries it; an expired one by none", arguments: TestDatabase.available)
    func issueAndUse(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            #expect(try await api.send(.put, "/api/v1/loyalty/program", json: Self.program).status == .ok)
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"email": "rita@example.com", "first_name": "Rita"}"#)
            let customerID = try #require(customer.object["id"] as? String)
            let path = "/api/v1/customers/\(customerID)/loyalty"
            #expect(try await api.send(.post, "\(path)/adjustments", json: #"{"points": 900, "reason": "Welcome"}"#).status == .created)

            #expect(try await api.send(.post, "\(path)/rewards", json: #"{"reward": "espresso"}"#).status == .unprocessableContent)
            #expect(try await api.send(.post, "\(path)/rewards", json: #"{}"#).status == .unprocessableContent)
            let issued = try await api.send(.post, "\(path)/rewards", json: #"{"reward": "five-off"}"#)
            #expect(issued.status == .created && issued.object["status"] as? String == "issued" && issued.object["points"] as? Int == 500)
            let code = try #require(issued.object["code"] as? String)
            #expect(code.hasPrefix("RW") && code.count == 12)
            let issuedAt = try #require((issued.object["issued_at"] as? String).flatMap(Timestamp.parse))
            let expiresAt = try #require((issued.object["expires_at"] as? String).flatMap(Timestamp.parse))
            #expect(abs(expiresAt.timeIntervalSince(issuedAt) - 30 * 86_400) < 1, "valid the programme's 30 days")
            let account = try await api.send(.get, path)
            #expect(account.object["balance"] as? Int == 400)
            let entries = try #require(account.object["entries"] as? [[String: Any]])
            #expect(entries.first?["kind"] as? String == "redeem" && (entries.first?["reason"] as? String)?.contains(code) == true)
            let tooDear = try await api.send(.post, "\(path)/rewards", json: #"{"reward": "mug"}"#)
            #expect(tooDear.status == .conflict && tooDear.text.contains("400 usable points"))
            #expect(try await api.send(.get, path).object["balance"] as? Int == 400, "a refused reward spends nothing")

            // The shop's order carries the code (any case); a second order with it — another customer's — changes nothing.
            for (number, email) in [("W-1", "rita@example.com"), ("W-2", "friend@example.com")] {
                let order = try await api.send(.post, "/api/v1/orders", json: """
                    {"number": "\(number)", "currency": "EUR", "status": "paid", "discount_codes": ["\(code.lowercased())"], "customer": {"email": "\(email)"},
                     "lines": [{"sku": "TEE", "title": "Tee", "quantity": 1, "unit_price": 2000}]}
                    """)
                #expect(order.status == .created)
            }
            let codes = try #require(try await api.send(.get, "\(path)/rewards").object["data"] as? [[String: Any]])
            #expect(codes.count == 1 && codes[0]["status"] as? String == "used")
            let orders = try #require(try await api.send(.get, "/api/v1/orders?customer_id=\(customerID)").object["data"] as? [[String: Any]])
            let first = try #require(orders.first { $0["number"] as? String == "W-1" }?["id"] as? String)
            #expect(codes[0]["order_id"] as? String == first, "used by the first order that carried it")

            let shipping = try await api.send(.post, "\(path)/rewards", json: #"{"reward": "ship"}"#)
            let shippingCode = try #require(shipping.object["code"] as? String)
            api.clock.advance(by: 31 * 86_400)
            _ = try await api.send(.post, "/api/v1/orders", json: """
                {"number": "W-3", "currency": "EUR", "status": "paid", "discount_codes": ["\(shippingCode)"], "customer": {"email": "rita@example.com"},
                 "lines": [{"sku": "TEE", "title": "Tee", "quantity": 1, "unit_price": 2000}]}
                """)
            let later = try #require(try await api.send(.get, "\(path)/rewards").object["data"] as? [[String: Any]])
            #expect(later.first { $0["code"] as? String == shippingCode }?["status"] as? String == "expired", "an expired code is used by no order")

            let events = try await api.services.store.read { session in try await session.events.events(after: 0, limit: 10_000) }.map(\.event)
            #expect(events.filter { $0.type == .loyaltyRewardIssued }.count == 2)
            #expect(events.filter { $0.type == .loyaltyRewardUsed }.count == 1, "used once")
            let used = try #require(events.first { $0.type == .loyaltyRewardUsed })
            #expect(used.payload.contains(#""code":"\#(code)""#) && used.payload.contains(#""order_id":"\#(first)""#) && used.payload.contains(#""amount":500"#))
        }
    }
}
