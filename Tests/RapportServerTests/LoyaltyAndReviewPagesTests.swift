import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// The relationship programmes in the web workspace: the review moderation page and the
/// loyalty page with the customer page's points card, for those who may act and for those who
/// may only read.
@Suite("Loyalty and review pages")
struct LoyaltyAndReviewPagesTests {
    typealias Web = WebWorkspaceTests

    @Test("a marketer approves, rejects with a reason and answers reviews on the moderation page; an agent reads it and may do none of it", arguments: TestDatabase.available)
    func moderation(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let marketerUser = try await Web.user(api, .marketer)
            _ = try await Web.user(api, .agent)
            let (productID, customerID, orderID) = try await ReviewAPITests.boughtAndDelivered(api)
            var reviewIDs: [String] = []
            for (rating, title) in [(5, "Perfect fit"), (1, "")] {
                let other = try await api.send(.post, "/api/v1/customers", json: #"{"email": "reviewer\#(rating)@example.com", "first_name": "Rae"}"#)
                let author = rating == 5 ? customerID : try #require(other.object["id"] as? String)
                let body = rating == 5 ? #", "order_id": "\#(orderID)""# : ""
                let review = try await api.send(.post, "/api/v1/products/\(productID)/reviews", json: """
                    {"customer_id": "\(author)"\(body), "rating": \(rating), "title": "\(title)", "body": "Lovely fabric <script>x</script>"}
                    """)
                reviewIDs.append(try #require(review.object["id"] as? String))
            }
            let (kept, spam) = (reviewIDs[0], reviewIDs[1])

            let marketer = try await Web.signIn(api, "marketer@shop.test")
            let queue = try await Web.get(api, "/products/reviews", cookie: marketer.cookie)
            #expect(queue.status == .ok && queue.text.contains("data-review=\"\(kept)\"") && queue.text.contains("data-review=\"\(spam)\""))
            #expect(queue.text.contains("Linen shirt &lt;b&gt;") && queue.text.contains("Anna Schmidt") && queue.text.contains("verified buyer"))
            #expect(queue.text.contains("★★★★★") && !queue.text.contains("<script>x</script>"), "the review's words are escaped")
            #expect(queue.text.contains("action=\"/products/reviews/\(kept)/approve\""))
            #expect(queue.text.components(separatedBy: "<h2>").count == 2, "only the titled review has a heading (not the page's title)")

            let approved = try await Web.post(api, "/products/reviews/\(kept)/approve", [("_csrf", marketer.csrf), ("status", "pending")], cookie: marketer.cookie)
            #expect(approved.status == .seeOther && approved.headers[.location] == "/products/reviews?status=pending#\(kept)")
            let noReason = try await Web.post(api, "/products/reviews/\(spam)/reject", [("_csrf", marketer.csrf), ("status", "pending"), ("reason", " ")], cookie: marketer.cookie)
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("role=\"alert\""))
            let elsewhere = try await Web.post(api, "/products/reviews/\(spam)/reject", [
                ("_csrf", marketer.csrf), ("status", "approved"), ("reason", ""), ("after", "rev_zzzzzzzzzzzzzzzzzzzzzzzz"),
            ], cookie: marketer.cookie)
            #expect(elsewhere.status == .unprocessableContent && elsewhere.text.contains("<p class=\"field-error\" role=\"alert\">Reason"),
                    "a refusal for a review not on the page shown is said above the list")
            let rejected = try await Web.post(api, "/products/reviews/\(spam)/reject", [("_csrf", marketer.csrf), ("status", "pending"), ("reason", "advertises another shop")], cookie: marketer.cookie)
            #expect(rejected.status == .seeOther)
            let replied = try await Web.post(api, "/products/reviews/\(kept)/reply", [("_csrf", marketer.csrf), ("status", "approved"), ("body", "Thank you, Anna!")], cookie: marketer.cookie)
            #expect(replied.status == .seeOther && replied.headers[.location] == "/products/reviews?status=approved#\(kept)")

            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            let keptNow = try await api.services.reviews.find(id: kept, as: operatorActor)
            let spamNow = try await api.services.reviews.find(id: spam, as: operatorActor)
            #expect(keptNow.status == .approved && keptNow.reply == "Thank you, Anna!" && keptNow.moderatedBy == "user:\(marketerUser.id)")
            #expect(spamNow.status == .rejected && spamNow.rejectionReason == "advertises another shop")
            let pending = try await Web.get(api, "/products/reviews", cookie: marketer.cookie)
            #expect(pending.text.contains("No pending review."))
            let rejectedTab = try await Web.get(api, "/products/reviews?status=rejected", cookie: marketer.cookie)
            #expect(rejectedTab.text.contains("Rejected: advertises another shop") && rejectedTab.text.contains("action=\"/products/reviews/\(spam)/approve\""))
            #expect(!rejectedTab.text.contains("action=\"/products/reviews/\(spam)/reject\""), "a rejected review is not offered for rejection again")

            let agent = try await Web.signIn(api, "agent@shop.test")
            let agentView = try await Web.get(api, "/products/reviews?status=approved", cookie: agent.cookie)
            #expect(agentView.status == .ok && agentView.text.contains("Thank you, Anna!") && !agentView.text.contains("/reject\""))
            let refused = try await Web.post(api, "/products/reviews/\(spam)/approve", [("_csrf", agent.csrf), ("status", "rejected")], cookie: agent.cookie)
            #expect(refused.status == .forbidden)
            #expect(try await api.services.reviews.find(id: spam, as: operatorActor).status == .rejected, "the agent's approval changed nothing")
            #expect(!agentView.text.contains("action=\"/products/reviews/settings\""), "an agent is not shown the rules form")
            #expect((try await Web.post(api, "/products/reviews/settings", [("_csrf", agent.csrf), ("auto_approve", "on")], cookie: agent.cookie)).status == .forbidden)

            let badRules = try await Web.post(api, "/products/reviews/settings", [
                ("_csrf", marketer.csrf), ("auto_approve", "on"), ("minimum_rating", "9"), ("flagged_words", "cheapdeals"),
            ], cookie: marketer.cookie)
            #expect(badRules.status == .unprocessableContent && badRules.text.contains("Minimum rating must be a whole number from 1 to 5"))
            #expect(badRules.text.contains(">cheapdeals</textarea>"), "what was typed is shown again")
            #expect(try await api.services.reviews.settings(as: operatorActor) == .standard, "nothing saved")
            let rules = try await Web.post(api, "/products/reviews/settings", [
                ("_csrf", marketer.csrf), ("auto_approve", "on"), ("minimum_rating", "5"), ("verified_only", "on"),
                ("flagged_words", "cheapdeals\nfree gift, giveaway"),
            ], cookie: marketer.cookie)
            #expect(rules.status == .seeOther && rules.headers[.location] == "/products/reviews?rules=saved#rules")
            let settings = try await api.services.reviews.settings(as: operatorActor)
            #expect(settings.autoApprove && settings.minimumRating == 5 && settings.verifiedOnly && !settings.holdLinks)
            #expect(settings.flaggedWords == ["cheapdeals", "free gift", "giveaway"])
            let newcomer = try await api.send(.post, "/api/v1/customers", json: #"{"email": "gift@example.com", "first_name": "Gil"}"#)
            let giveaway = try await api.send(.post, "/api/v1/products/\(productID)/reviews", json: """
                {"customer_id": "\(try #require(newcomer.object["id"] as? String))", "rating": 5, "body": "Join my GIVEAWAY now"}
                """)
            #expect(giveaway.object["status"] as? String == "pending")
            let savedPage = try await Web.get(api, "/products/reviews?rules=saved", cookie: marketer.cookie)
            #expect(savedPage.text.contains("The rules are saved") && savedPage.text.contains("Held for you: contains the flagged word “giveaway”"))
        }
    }

    @Test("a manager starts the programme on the loyalty page, gives and spends points on the customer's page; bad input is shown and saves nothing", arguments: TestDatabase.available)
    func loyalty(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await Web.user(api, .manager)
            _ = try await Web.user(api, .agent)
            let customer = try await api.send(.post, "/api/v1/customers", json: #"{"email": "lena@example.com", "first_name": "Lena"}"#)
            let customerID = try #require(customer.object["id"] as? String)
            let manager = try await Web.signIn(api, "manager@shop.test")
            #expect(!(try await Web.get(api, "/customers/\(customerID)", cookie: manager.cookie)).text.contains("id=\"loyalty\""), "no points card without a programme")
            #expect((try await Web.get(api, "/loyalty", cookie: manager.cookie)).text.contains("Start a programme"))

            let bad = try await Web.post(api, "/loyalty", [
                ("_csrf", manager.csrf), ("enabled", "on"), ("earn_per_currency_unit", "lots"), ("earn_on", "total"), ("points_per_order", "0"),
                ("pending_days", "14"), ("assumed_delivery_days", "7"), ("orders_placed_from", ""), ("tiers", "Silver: 100\nGold"),
                ("points_expire", "after_days"), ("points_expire_after_days", "soon"),
            ], cookie: manager.cookie)
            #expect(bad.status == .unprocessableContent && bad.text.contains("must be a number") && bad.text.contains("line 2 must be a name"))
            #expect(bad.text.contains("points_expire_after_days") && bad.text.contains("value=\"soon\""))
            #expect(bad.text.contains("<option value=\"after_days\" selected>"), "the expiry chosen is kept")
            #expect(bad.text.contains("Silver: 100\nGold"), "what was typed is shown again")
            let sameTier = try await Web.post(api, "/loyalty", [
                ("_csrf", manager.csrf), ("enabled", "on"), ("earn_per_currency_unit", "1"), ("tiers", "Silver: 100\nGold: 100"),
            ], cookie: manager.cookie)
            #expect(sameTier.status == .unprocessableContent && sameTier.text.contains("different minimum_points"), "the programme's own rules are shown too")
            #expect(try await api.services.loyalty.program(as: .operator(workspaceID: api.workspaceID)) == nil, "nothing saved")

            let saved = try await Web.post(api, "/loyalty", [
                ("_csrf", manager.csrf), ("enabled", "on"), ("earn_per_currency_unit", "0,5"), ("earn_on", "subtotal"), ("points_per_order", "10"),
                ("pending_days", "30"), ("assumed_delivery_days", "5"), ("orders_placed_from", "2020-01-01"),
                ("tiers", "Gold: 500 ×1.5\n\nSilver 100\nTier 3: 1,000 x 2\nPlatinum 2.500 X1,25\nClub X 3000"), ("points_expire", "end_of_next_year"),
                ("points_expire_after_days", "200"),
            ], cookie: manager.cookie)
            #expect(saved.status == .seeOther && saved.headers[.location] == "/loyalty?saved=1")
            let program = try #require(try await api.services.loyalty.program(as: .operator(workspaceID: api.workspaceID)))
            #expect(program.earnPerCurrencyUnit == 0.5 && program.earningBase == .subtotal && program.pointsPerOrder == 10 && program.pendingDays == 30)
            #expect(program.expiryRule == .endOfNextYear && program.expiryDays == 200)
            #expect(program.tiers == [
                LoyaltyTier(name: "Silver", minimum: 100), LoyaltyTier(name: "Gold", minimum: 500, multiplierHundredths: 150),
                LoyaltyTier(name: "Tier 3", minimum: 1000, multiplierHundredths: 200),
                LoyaltyTier(name: "Platinum", minimum: 2500, multiplierHundredths: 125), LoyaltyTier(name: "Club X", minimum: 3000),
            ])
            #expect(program.ordersPlacedFrom.map(Timestamp.iso8601) == "2020-01-01T00:00:00.000Z")
            let page = try await Web.get(api, "/loyalty?saved=1", cookie: manager.cookie)
            #expect(page.text.contains("The programme is saved") && page.text.contains("value=\"0.5\"") && page.text.contains("Silver: 100\nGold: 500 ×1.5\nTier 3: 1000 ×2"))
            #expect(page.text.contains("No multipliers yet."))
            #expect(page.text.contains("<option value=\"end_of_next_year\" selected>") && page.text.contains("value=\"200\""))
            let tooMuch = try await Web.post(api, "/loyalty", [("_csrf", manager.csrf), ("enabled", "on"), ("tiers", "Gold: 500 ×20")], cookie: manager.cookie)
            #expect(tooMuch.status == .unprocessableContent && tooMuch.text.contains("from 1 to 10"), "a tier multiplying beyond 10 is refused")
            for (typed, line) in [("Silver: 100\n\nGold 1,5", 3), ("Level 2 500", 1), ("Silver: 1,,000", 1), ("Gold: 500 ×", 1)] {
                let refused = try await Web.post(api, "/loyalty", [("_csrf", manager.csrf), ("enabled", "on"), ("tiers", typed)], cookie: manager.cookie)
                #expect(refused.status == .unprocessableContent && refused.text.contains("line \(line) must be a name"), "\(typed) is refused at line \(line)")
            }

            // An order earns 0.5 a euro of 300 EUR and 10 for the order: 160 points, pending until delivery and 30 days after.
            let order = try await api.send(.post, "/api/v1/orders", json: """
                {"number": "L-1", "currency": "EUR", "status": "paid", "customer": {"email": "lena@example.com"},
                 "lines": [{"sku": "COAT-1", "title": "Wool coat", "quantity": 1, "unit_price": 30000}]}
                """)
            #expect(order.status == .created && order.object["customer_id"] as? String == customerID)
            let given = try await Web.post(api, "/customers/\(customerID)/loyalty/adjust", [("_csrf", manager.csrf), ("points", "150"), ("reason", "Welcome gift")], cookie: manager.cookie)
            #expect(given.status == .seeOther && given.headers[.location] == "/customers/\(customerID)#loyalty")
            let noReason = try await Web.post(api, "/customers/\(customerID)/loyalty/adjust", [("_csrf", manager.csrf), ("points", "5"), ("reason", "")], cookie: manager.cookie)
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("id=\"loyalty-error\""))
            let tooMany = try await Web.post(api, "/customers/\(customerID)/loyalty/redeem", [("_csrf", manager.csrf), ("points", "200"), ("reason", "")], cookie: manager.cookie)
            #expect(tooMany.status == .conflict && tooMany.text.contains("has 150 usable points") && tooMany.text.contains("value=\"200\""))
            let notNumber = try await Web.post(api, "/customers/\(customerID)/loyalty/redeem", [("_csrf", manager.csrf), ("points", "ten")], cookie: manager.cookie)
            #expect(notNumber.status == .unprocessableContent && notNumber.text.contains("Points must be a whole number"))
            for points in [String(Int64.min), String(Int64.max), "99999999999999999999"] {
                let huge = try await Web.post(api, "/customers/\(customerID)/loyalty/adjust", [("_csrf", manager.csrf), ("points", points), ("reason", "overflow")], cookie: manager.cookie)
                #expect(huge.status == .unprocessableContent, "\(points) points are refused, and the server stays up")
            }

            let agent = try await Web.signIn(api, "agent@shop.test")
            let agentPage = try await Web.get(api, "/customers/\(customerID)", cookie: agent.cookie)
            #expect(agentPage.text.contains("/loyalty/redeem\"") && !agentPage.text.contains("/loyalty/adjust\""), "agents spend points, only managers give them")
            let spent = try await Web.post(api, "/customers/\(customerID)/loyalty/redeem", [("_csrf", agent.csrf), ("points", "50"), ("reason", "5 EUR off")], cookie: agent.cookie)
            #expect(spent.status == .seeOther)
            let refused = try await Web.post(api, "/customers/\(customerID)/loyalty/adjust", [("_csrf", agent.csrf), ("points", "1000"), ("reason", "friend")], cookie: agent.cookie)
            #expect(refused.status == .forbidden)
            #expect((try await Web.post(api, "/loyalty", [("_csrf", agent.csrf), ("enabled", "")], cookie: agent.cookie)).status == .forbidden)

            let card = try await Web.get(api, "/customers/\(customerID)", cookie: manager.cookie)
            #expect(card.text.contains("<strong id=\"loyalty-balance\">100</strong>"))
            #expect(card.text.contains("<dd id=\"loyalty-pending\">160 "))
            #expect(card.text.contains("Silver <small>(340 points to Gold)</small>"), "earned points reach a tier; points given by hand and spent do not move it")
            #expect(card.text.contains("Welcome gift") && card.text.contains("5 EUR off") && card.text.contains("-50"))
            #expect(card.text.components(separatedBy: " pending</small>").count == 2, "only the order's entry shows pending points")
            let totals = try await api.send(.get, "/api/v1/loyalty/totals")
            #expect(totals.status == .ok && totals.object["members"] as? Int == 1 && totals.object["usable_points"] as? Int == 100 && totals.object["pending_points"] as? Int == 160)
            let tiers = try #require(totals.object["tiers"] as? [[String: Any]])
            #expect(tiers.map { $0["customers"] as? Int } == [1, 0, 0, 0, 0])
            // A reward from the card: its code for the points; one beyond the balance is greyed out and refused.
            let rewards = [
                LoyaltyReward(key: "ship", name: "Free shipping", points: 60, kind: .freeShipping),
                LoyaltyReward(key: "coat", name: "A coat on us", points: 5_000, kind: .product, sku: "COAT-1"),
            ]
            var settings = LoyaltyProgramSettings()
            (settings.earnPerCurrencyUnit, settings.earningBase, settings.pointsPerOrder) = (0.5, .subtotal, 10)
            (settings.pendingDays, settings.assumedDeliveryDays, settings.ordersPlacedFrom) = (30, 5, program.ordersPlacedFrom)
            (settings.tiers, settings.rewards) = (program.tiers, rewards)
            settings.multipliers = [LoyaltyMultiplier(name: "Coat week", factorHundredths: 200, category: "Coats", endsAt: Date(timeIntervalSince1970: 1_800_000_000))]
            _ = try await api.services.loyalty.setProgram(settings, as: .operator(workspaceID: api.workspaceID))
            let offered = try await Web.get(api, "/customers/\(customerID)", cookie: agent.cookie)
            #expect(offered.text.contains("<option value=\"ship\">Free shipping for 60 points</option>"))
            #expect(offered.text.contains("<option value=\"coat\" disabled>A coat on us for 5000 points</option>"))
            let dear = try await Web.post(api, "/customers/\(customerID)/loyalty/reward", [("_csrf", agent.csrf), ("reward", "coat")], cookie: agent.cookie)
            #expect(dear.status == .conflict && dear.text.contains("A coat on us takes 5000"))
            let shipped = try await Web.post(api, "/customers/\(customerID)/loyalty/reward", [("_csrf", agent.csrf), ("reward", "ship")], cookie: agent.cookie)
            #expect(shipped.status == .seeOther)
            let withCode = try await Web.get(api, "/customers/\(customerID)", cookie: agent.cookie)
            #expect(withCode.text.contains("<strong id=\"loyalty-balance\">40</strong>") && withCode.text.contains("<td>Free shipping</td><td>issued"))
            let kept = try await Web.post(api, "/loyalty", [
                ("_csrf", manager.csrf), ("enabled", "on"), ("earn_per_currency_unit", "0.5"), ("earn_on", "subtotal"), ("points_per_order", "10"),
                ("pending_days", "30"), ("assumed_delivery_days", "5"), ("tiers", "Silver: 100\nGold: 500\nTier 3: 1000\nPlatinum: 2500"),
            ], cookie: manager.cookie)
            #expect(kept.status == .seeOther)
            let keptProgram = try await api.services.loyalty.program(as: .operator(workspaceID: api.workspaceID))
            #expect(keptProgram?.rewards.map(\.key) == ["ship", "coat"], "saving the page keeps the rewards set through the API")
            #expect(keptProgram?.multipliers.map(\.name) == ["Coat week"], "and the multipliers")

            let overview = try await Web.get(api, "/loyalty", cookie: agent.cookie)
            #expect(overview.status == .ok && overview.text.contains("<span class=\"figure\">40</span> usable points owed") && overview.text.contains(" disabled"))
            #expect(overview.text.contains("<td>Coat week</td><td class=\"num\">×2</td><td>lines in Coats, orders placed until 2027-01-15 08:00 UTC</td>"))
        }
    }
}
