import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// The bot tells a customer's points and spends them on a reward, through real WhatsApp
/// webhooks: the WhatsApp number proves the customer; from another number, an order is proven first; the
/// reward's code is the one the ledger and the API hold; points gone meanwhile hand over.
@Suite("Bot points")
struct BotPointsTests {
    static let program = """
        {"earn_per_currency_unit": 1, "pending_days": 0, "reward_valid_days": 30, "points_expire": "end_of_year",
         "tiers": [{"name": "Silver", "minimum_points": 100}], "rewards": [
          {"key": "five-off", "name": "5 EUR off", "points": 500, "kind": "amount_off", "amount": 500, "currency": "EUR"},
          {"key": "ship", "name": "Free shipping", "points": 300, "kind": "free_shipping"}]}
        """

    /// The programme, and 700 points given by hand to the WhatsApp customer of order #1001.
    static func points(_ api: APIHarness) async throws -> String {
        #expect(try await api.send(.put, "/api/v1/loyalty/program", json: Self.program).status == .ok)
        let orders = try await api.send(.get, "/api/v1/orders?limit=10")
        let order = try #require((orders.object["data"] as? [[String: Any]])?.first { $0["number"] as? String == "1001" })
        let customerID = try #require(order["customer_id"] as? String)
        let given = try await api.send(
            .post, "/api/v1/customers/\(customerID)/loyalty/adjustments", json: #"{"points": 700, "reason": "Welcome gift"}"#)
        #expect(given.status == .created)
        return customerID
    }

    @Test("the customer hears their points and what expires at the year's end; a new number hears them only after proving an order", arguments: TestDatabase.available)
    func balance(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database) { api, inboxID, _ in
            let customerID = try await Self.points(api)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let yearEnd = try #require(calendar.dateInterval(of: .year, for: api.clock.now())?.end)
            let account = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty")
            let expiring = try #require(account.object["expiring"] as? [String: Any], "\(account.text)")
            #expect(expiring["points"] as? Int == 700 && (expiring["by"] as? String)?.hasPrefix(String(ISO8601DateFormatter().string(from: yearEnd).prefix(19))) == true, "\(expiring)")
            _ = try await WebWorkspaceTests.user(api, .agent)
            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let page = try await WebWorkspaceTests.get(api, "/customers/\(customerID)", cookie: agent.cookie)
            let lastDay = String(ISO8601DateFormatter().string(from: yearEnd.addingTimeInterval(-1)).prefix(10))
            #expect(page.text.contains("id=\"loyalty-expiring\">700 <small><time") && page.text.contains(">by \(lastDay)</time> unless spent"),
                    "the customer page says what expires next")

            try await BotTranscriptTests.say(api, inboxID: inboxID, "how many points do I have?", id: "wamid.p1")
            let told = try await BotWorkTests.lastReply(api)
            #expect(told.contains("You have 700 points to use") && told.contains("700 of them expire after 31 December"), "\(told)")
            #expect(told.contains("use my points"), "\(told)")

            let stranger = "6281234567890"
            try await BotTranscriptTests.say(api, inboxID: inboxID, "how many points do I have?", id: "wamid.s1", from: stranger)
            var reply = try await BotWorkTests.lastReply(api)
            #expect(reply.contains("no points on this profile") && !reply.contains("700"), "a new number is a new profile, without points: \(reply)")
            try await BotTranscriptTests.say(api, inboxID: inboxID, "order 1001", id: "wamid.s2", from: stranger)
            reply = try await BotWorkTests.lastReply(api)
            #expect(reply.contains("postcode") && !reply.contains("700"), "\(reply)")
            try await BotTranscriptTests.say(api, inboxID: inboxID, "10115", id: "wamid.s3", from: stranger)
            reply = try await BotWorkTests.lastReply(api)
            #expect(reply.contains("You have 700 points") && reply.contains("write to us from the phone number"), "\(reply)")
            // Spending takes the chat's own proof: the proven order's points are not this number's to spend.
            try await BotTranscriptTests.say(api, inboxID: inboxID, "use my points", id: "wamid.s4", from: stranger)
            reply = try await BotWorkTests.lastReply(api)
            #expect(reply.contains("You have 0 points") && !reply.contains("Shall I spend"), "\(reply)")
        }
    }

    @Test("use my points: the chosen reward after a yes, its code in the reply and on the customer; too few points after", arguments: TestDatabase.available)
    func redeem(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database) { api, inboxID, _ in
            let customerID = try await Self.points(api)
            try await BotTranscriptTests.say(api, inboxID: inboxID, "I want to redeem my points", id: "wamid.r1")
            let list = try await BotWorkTests.lastReply(api)
            #expect(list.contains("1. Free shipping — 300") && list.contains("2. 5 EUR off — 500"), "\(list)")
            try await BotTranscriptTests.say(api, inboxID: inboxID, "2", id: "wamid.r2")
            #expect(try await BotWorkTests.lastReply(api).contains("spend 500 of your 700 points on 5 EUR off"))
            let before = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty")
            #expect(before.object["balance"] as? Int == 700, "nothing spent before the yes")

            try await BotTranscriptTests.say(api, inboxID: inboxID, "yes", id: "wamid.r3")
            let done = try await BotWorkTests.lastReply(api)
            let codes = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty/rewards")
            let code = try #require((codes.object["data"] as? [[String: Any]])?.first)
            let text = try #require(code["code"] as? String)
            #expect(text.hasPrefix("RW") && done.hasPrefix("Your code: \(text), valid until") && done.contains("for 5 EUR off"), "\(done)")
            #expect(code["status"] as? String == "issued")
            let after = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty")
            #expect(after.object["balance"] as? Int == 200)
            let entry = try #require((after.object["entries"] as? [[String: Any]])?.first)
            #expect(entry["kind"] as? String == "redeem" && entry["actor"] as? String == "system:bot")
            let audit = try await api.send(.get, "/api/v1/audit_entries?action=loyalty.reward_issued")
            #expect((audit.object["data"] as? [[String: Any]])?.first?["actor"] as? String == "system:bot", "\(audit.text)")

            try await BotTranscriptTests.say(api, inboxID: inboxID, "use my points", id: "wamid.r4")
            #expect(try await BotWorkTests.lastReply(api).contains("smallest reward, Free shipping, takes 300"))
        }
    }

    @Test("points spent elsewhere between the question and the yes: no code, the points stay, a person takes over", arguments: TestDatabase.available)
    func spentMeanwhile(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database) { api, inboxID, _ in
            let customerID = try await Self.points(api)
            try await BotTranscriptTests.say(api, inboxID: inboxID, "use my points for 5 EUR off", id: "wamid.x1")
            #expect(try await BotWorkTests.lastReply(api).contains("spend 500 of your 700 points on 5 EUR off"), "named by its words")
            let spent = try await api.send(
                .post, "/api/v1/customers/\(customerID)/loyalty/redemptions", json: #"{"points": 400, "reason": "In the store"}"#)
            #expect(spent.status == .created)
            try await BotTranscriptTests.say(api, inboxID: inboxID, "yes", id: "wamid.x2")
            let (conversation, messages) = try await BotTranscriptTests.thread(api)
            #expect(conversation.status == .open, "handed to a person")
            #expect(messages.last { $0.isPrivate }?.text?.contains("300 usable points") == true, "\(messages.compactMap(\.text))")
            let codes = try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty/rewards")
            #expect((codes.object["data"] as? [Any])?.isEmpty == true)
            #expect(try await api.send(.get, "/api/v1/customers/\(customerID)/loyalty").object["balance"] as? Int == 300)
        }
    }
}
