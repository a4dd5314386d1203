import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// The loyalty page's rewards and multipliers, changed one at a time by those who shape the
/// programme: added, changed by key, removed; bad input shown in its card with what was typed,
/// saving nothing.
@Suite("Loyalty page: rewards and multipliers")
struct LoyaltyOfferPagesTests {
    typealias Web = WebWorkspaceTests

    static func program(_ api: APIHarness) async throws -> LoyaltyProgram? {
        try await api.services.loyalty.program(as: .operator(workspaceID: api.workspaceID))
    }

    @Test("a manager adds, changes and removes rewards on the loyalty page; bad input is named in the card and saves nothing", arguments: TestDatabase.available)
    func rewards(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await Web.user(api, .manager)
            _ = try await Web.user(api, .agent)
            let manager = try await Web.signIn(api, "manager@shop.test")
            let reward: [(String, String)] = [
                ("_csrf", manager.csrf), ("name", "5.00 EUR off"), ("key", "Five-Off"), ("points", "500"), ("kind", "amount_off"),
                ("amount", "5,00"), ("currency", "eur"), ("percent", ""), ("sku", ""),
            ]
            let early = try await Web.post(api, "/loyalty/rewards", reward, cookie: manager.cookie)
            #expect(early.status == .conflict && early.text.contains("Start the loyalty programme before"))
            #expect(!(try await Web.get(api, "/loyalty", cookie: manager.cookie)).text.contains("id=\"loyalty-reward-form\""), "no reward form before a programme")
            #expect((try await Web.post(api, "/loyalty", [("_csrf", manager.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1")], cookie: manager.cookie)).status == .seeOther)

            let added = try await Web.post(api, "/loyalty/rewards", reward, cookie: manager.cookie)
            #expect(added.status == .seeOther && added.headers[.location] == "/loyalty?saved=offer")
            var rewards = try #require(try await Self.program(api)).rewards
            #expect(rewards == [LoyaltyReward(key: "five-off", name: "5.00 EUR off", points: 500, kind: .amountOff, amount: 500, currency: "EUR")])
            let percent: [(String, String)] = [
                ("_csrf", manager.csrf), ("name", "10% off"), ("key", "ten-percent"), ("points", "900"), ("kind", "percent_off"),
                ("amount", "ignored"), ("currency", ""), ("percent", "10"), ("sku", ""),
            ]
            #expect((try await Web.post(api, "/loyalty/rewards", percent, cookie: manager.cookie)).status == .seeOther)
            // The same key changes that reward.
            let cheaper = reward.map { $0.0 == "points" ? ("points", "400") : $0 }
            #expect((try await Web.post(api, "/loyalty/rewards", cheaper, cookie: manager.cookie)).status == .seeOther)
            rewards = try #require(try await Self.program(api)).rewards
            #expect(rewards.map(\.key) == ["five-off", "ten-percent"] && rewards.map(\.points) == [400, 900] && rewards[1].percent == 10)

            let page = try await Web.get(api, "/loyalty?saved=offer", cookie: manager.cookie)
            #expect(page.text.contains("The rewards and multipliers are saved."))
            #expect(page.text.contains("<td>10% off</td><td><code>ten-percent</code></td><td class=\"num\">900</td><td>10% off</td>"))
            #expect(page.text.contains("aria-label=\"Remove the reward 5.00 EUR off\""))

            let refusals: [([(String, String)], String)] = [
                (reward.map { $0.0 == "points" ? ("points", "lots") : $0 }, "Points must be a whole number."),
                (reward.map { $0.0 == "currency" ? ("currency", "euros") : $0 }, "Currency must be an ISO 4217 currency code"),
                (reward.map { $0.0 == "amount" ? ("amount", "five") : $0 }, "Amount must be an amount such as 5.00, with at most 2 decimals in EUR"),
                (reward.map { $0.0 == "amount" ? ("amount", "1,000") : $0 }, "Amount must be an amount such as 5.00, with at most 2 decimals in EUR"),
                (reward.map { $0.0 == "currency" ? ("currency", "JPY") : $0 }, "Amount must be an amount such as 500, with at most 0 decimals in JPY"),
                (reward.map { $0.0 == "key" ? ("key", "five off!") : $0 }, "Key must be 1 to 40 lowercase letters"),
                (reward.map { $0.0 == "kind" ? ("kind", "gift") : $0 }, "Kind must be one of the choices."),
                (percent.map { $0.0 == "percent" ? ("percent", "150") : $0 }, "Percent must be a whole number from 1 to 100."),
                (reward.map { $0.0 == "kind" ? ("kind", "product") : $0 }, "Sku must be the product"),
            ]
            for (fields, message) in refusals {
                let refused = try await Web.post(api, "/loyalty/rewards", fields, cookie: manager.cookie)
                #expect(refused.status == .unprocessableContent && refused.text.contains(message), "\(message)")
                #expect(refused.text.contains("role=\"alert\""))
            }
            let typed = try await Web.post(api, "/loyalty/rewards", reward.map { $0.0 == "points" ? ("points", "lots") : $0 }, cookie: manager.cookie)
            #expect(typed.text.contains("value=\"lots\"") && typed.text.contains("value=\"Five-Off\""), "what was typed is shown again")
            #expect(try #require(try await Self.program(api)).rewards == rewards, "nothing saved")

            let agent = try await Web.signIn(api, "agent@shop.test")
            #expect((try await Web.post(api, "/loyalty/rewards", percent.map { $0.0 == "_csrf" ? ("_csrf", agent.csrf) : $0 }, cookie: agent.cookie)).status == .forbidden)
            #expect((try await Web.post(api, "/loyalty/rewards/remove", [("_csrf", agent.csrf), ("key", "five-off")], cookie: agent.cookie)).status == .forbidden)
            let read = try await Web.get(api, "/loyalty", cookie: agent.cookie)
            #expect(read.text.contains("<td>5.00 EUR off</td>") && !read.text.contains("/loyalty/rewards/remove") && !read.text.contains("id=\"loyalty-reward-form\""))

            #expect((try await Web.post(api, "/loyalty/rewards/remove", [("_csrf", manager.csrf), ("key", "five-off")], cookie: manager.cookie)).status == .seeOther)
            #expect(try #require(try await Self.program(api)).rewards.map(\.key) == ["ten-percent"])
            let gone = try await Web.post(api, "/loyalty/rewards/remove", [("_csrf", manager.csrf), ("key", "five-off")], cookie: manager.cookie)
            #expect(gone.status == .notFound && gone.text.contains("has no reward five-off"))
            let audits = try await api.send(.get, "/api/v1/audit_entries?action=loyalty.program_changed")
            let counts = (audits.object["data"] as? [[String: Any]])?.compactMap { ($0["details"] as? [String: Any])?["rewards"] as? String }
            #expect(counts?.first == "1", "each change is audited with what it left (\(String(describing: counts)))")
            let changes = (audits.object["data"] as? [[String: Any]])?.compactMap { ($0["details"] as? [String: Any])?["change"] as? String }
            #expect(changes?.prefix(4) == ["reward five-off removed", "reward five-off saved", "reward ten-percent saved", "reward five-off saved"])
        }
    }

    @Test("a manager adds and removes multipliers on the loyalty page; a list changed since it was shown removes nothing", arguments: TestDatabase.available)
    func multipliers(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await Web.user(api, .manager)
            _ = try await Web.user(api, .agent)
            let manager = try await Web.signIn(api, "manager@shop.test")
            #expect((try await Web.post(api, "/loyalty", [("_csrf", manager.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1")], cookie: manager.cookie)).status == .seeOther)
            let friday: [(String, String)] = [
                ("_csrf", manager.csrf), ("name", "Black Friday"), ("multiplier", "2"), ("category", ""),
                ("starts_at", "2026-11-27T00:00"), ("ends_at", "2026-11-30T00:00"),
            ]
            #expect((try await Web.post(api, "/loyalty/multipliers", friday, cookie: manager.cookie)).status == .seeOther)
            let coffee: [(String, String)] = [
                ("_csrf", manager.csrf), ("name", "Coffee month"), ("multiplier", "1,5"), ("category", " Coffee "), ("starts_at", ""), ("ends_at", ""),
            ]
            #expect((try await Web.post(api, "/loyalty/multipliers", coffee, cookie: manager.cookie)).status == .seeOther)
            let multipliers = try #require(try await Self.program(api)).multipliers
            #expect(multipliers == [
                LoyaltyMultiplier(
                    name: "Black Friday", factorHundredths: 200, startsAt: Timestamp.parse("2026-11-27T00:00:00Z"), endsAt: Timestamp.parse("2026-11-30T00:00:00Z")),
                LoyaltyMultiplier(name: "Coffee month", factorHundredths: 150, category: "Coffee"),
            ])
            let page = try await Web.get(api, "/loyalty", cookie: manager.cookie)
            #expect(page.text.contains("<td>Coffee month</td><td class=\"num\">×1.5</td><td>lines in Coffee</td>"))
            #expect(page.text.contains("name=\"index\" value=\"1\"><input type=\"hidden\" name=\"name\" value=\"Coffee month\">"))

            let refusals: [([(String, String)], String)] = [
                (coffee.map { $0.0 == "multiplier" ? ("multiplier", "20") : $0 }, "Multiplier must be a number from 1 to 10"),
                (coffee.map { $0.0 == "multiplier" ? ("multiplier", "double") : $0 }, "Multiplier must be a number such as 2 or 1.5."),
                (coffee.map { $0.0 == "category" ? ("category", "") : $0 }, "must name a category, a period"),
                (friday.map { $0.0 == "ends_at" ? ("ends_at", "2026-11-26T00:00") : $0 }, "Ends at must come after starts_at."),
                (friday.map { $0.0 == "starts_at" ? ("starts_at", "Friday") : $0 }, "Starts at must be a date and time (UTC)."),
                (coffee.map { $0.0 == "name" ? ("name", " ") : $0 }, "Name must be 1 to 80 characters."),
            ]
            for (fields, message) in refusals {
                let refused = try await Web.post(api, "/loyalty/multipliers", fields, cookie: manager.cookie)
                #expect(refused.status == .unprocessableContent && refused.text.contains(message), "\(message)")
            }
            let typed = try await Web.post(api, "/loyalty/multipliers", coffee.map { $0.0 == "multiplier" ? ("multiplier", "20") : $0 }, cookie: manager.cookie)
            #expect(typed.text.contains("value=\"20\"") && typed.text.contains("id=\"multiplier-category\" name=\"category\" value=\"Coffee\""), "what was typed is shown again")
            #expect(try #require(try await Self.program(api)).multipliers == multipliers, "nothing saved")

            let agent = try await Web.signIn(api, "agent@shop.test")
            #expect((try await Web.post(api, "/loyalty/multipliers", coffee.map { $0.0 == "_csrf" ? ("_csrf", agent.csrf) : $0 }, cookie: agent.cookie)).status == .forbidden)
            #expect((try await Web.post(api, "/loyalty/multipliers/remove", [("_csrf", agent.csrf), ("index", "0"), ("name", "Black Friday")], cookie: agent.cookie)).status == .forbidden)

            let stale = try await Web.post(api, "/loyalty/multipliers/remove", [("_csrf", manager.csrf), ("index", "0"), ("name", "Coffee month")], cookie: manager.cookie)
            #expect(stale.status == .notFound && stale.text.contains("changed since the page was shown"))
            let notIndex = try await Web.post(api, "/loyalty/multipliers/remove", [("_csrf", manager.csrf), ("index", "first"), ("name", "Black Friday")], cookie: manager.cookie)
            #expect(notIndex.status == .unprocessableContent)
            #expect((try await Web.post(api, "/loyalty/multipliers/remove", [("_csrf", manager.csrf), ("index", "0"), ("name", "Black Friday")], cookie: manager.cookie)).status == .seeOther)
            #expect(try #require(try await Self.program(api)).multipliers.map(\.name) == ["Coffee month"])
            // Saving the programme's form keeps what the cards set.
            #expect((try await Web.post(api, "/loyalty", [("_csrf", manager.csrf), ("enabled", "on"), ("earn_per_currency_unit", "2")], cookie: manager.cookie)).status == .seeOther)
            #expect(try #require(try await Self.program(api)).multipliers.map(\.name) == ["Coffee month"])
        }
    }

    @Test("a change of one reward keeps every other setting of the programme, and changes made at once all land", arguments: TestDatabase.available)
    func keepsTheRest(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let actor = Actor.operator(workspaceID: api.workspaceID)
            var settings = LoyaltyProgramSettings()
            settings.enabled = false
            (settings.earnPerCurrencyUnit, settings.earningBase, settings.pointsPerOrder) = (0.29, .subtotal, 15)
            (settings.pendingDays, settings.assumedDeliveryDays, settings.ordersPlacedFrom) = (21, 9, Timestamp.parse("2024-03-01T00:00:00Z"))
            settings.tiers = [LoyaltyTier(name: "Silver", minimum: 100), LoyaltyTier(name: "Gold", minimum: 900, multiplierHundredths: 125)]
            (settings.tierWindowDays, settings.tierGraceDays, settings.rewardValidDays) = (365, 30, 45)
            (settings.expiryRule, settings.expiryDays) = (.afterDays, 400)
            settings.bonuses = LoyaltyBonuses(review: 50, reviewVerifiedOnly: false, signUp: 25, birthday: 100)
            settings.multipliers = [LoyaltyMultiplier(name: "Tea", factorHundredths: 300, category: "Tea")]
            settings.rewards = []
            _ = try await api.services.loyalty.setProgram(settings, as: actor)
            let before = try #require(try await LoyaltyOfferPagesTests.program(api))

            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        _ = try await api.services.loyalty.putReward(
                            LoyaltyReward(key: "r\(index)", name: "Reward \(index)", points: Int64(100 + index), kind: .freeShipping), as: actor)
                    }
                }
                try await group.waitForAll()
            }
            var after = try #require(try await LoyaltyOfferPagesTests.program(api))
            #expect(Set(after.rewards.map(\.key)) == Set((0..<8).map { "r\($0)" }), "eight changes at once, eight rewards")
            (after.rewards, after.updatedAt) = (before.rewards, before.updatedAt)
            #expect(after == before, "nothing else moved")
        }
    }
}
