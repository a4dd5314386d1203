import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// The bot's other work, each through real channel webhooks: checking who asks, cancelling,
/// changing an address, payment links, closing a conversation it handled, misunderstandings,
/// a person stepping in, and help-centre answers within an SMS.
@Suite("Bot work")
struct BotWorkTests {
    /// Another order of the WhatsApp customer, not yet shipped.
    static func order(_ api: APIHarness, number: String, status: String) async throws -> String {
        let created = try await api.send(.post, "/api/v1/orders", json: """
            {"number": "\(number)", "currency": "EUR", "status": "\(status)",
             "customer": {"email": "sam@example.com", "phone": "+\(BotTranscriptTests.customerPhone)"},
             "shipping_address": {"line1": "Hauptstr. 1", "postal_code": "10115", "city": "Berlin", "country": "DE"},
             "lines": [{"sku": "LAMP-1", "title": "Desk lamp", "quantity": 1, "unit_price": 4900}]}
            """)
        #expect(created.status == .created)
        return try #require(created.object["id"] as? String)
    }

    static func lastReply(_ api: APIHarness) async throws -> String {
        try #require(BotTranscriptTests.botReplies(try await BotTranscriptTests.thread(api).1).last)
    }

    @Test("someone else's number is asked for the order's postcode before hearing anything; three misses go to a person", arguments: TestDatabase.available)
    func verification(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database) { api, inboxID, _ in
            let stranger = "6281234567890"
            try await BotTranscriptTests.say(api, inboxID: inboxID, "where is order 1001", id: "wamid.v1", from: stranger)
            var reply = try await Self.lastReply(api)
            #expect(reply.contains("postcode") && !reply.contains("dhl.example"), "\(reply)")
            try await BotTranscriptTests.say(api, inboxID: inboxID, "99999", id: "wamid.v2", from: stranger)
            reply = try await Self.lastReply(api)
            #expect(reply.contains("doesn't match") && !reply.contains("dhl.example"), "\(reply)")
            try await BotTranscriptTests.say(api, inboxID: inboxID, "it is 10115", id: "wamid.v3", from: stranger)
            reply = try await Self.lastReply(api)
            #expect(reply.contains("dhl.example/track/JJD0001"), "\(reply)")

            let other = "6289876543210"
            for (index, guess) in ["where is order #1001", "11111", "22222", "33333"].enumerated() {
                try await BotTranscriptTests.say(api, inboxID: inboxID, guess, id: "wamid.g\(index)", from: other)
            }
            let (conversation, messages) = try await BotTranscriptTests.thread(api)
            #expect(conversation.status == .open)
            #expect(messages.last { $0.isPrivate }?.text?.contains("could not confirm who is asking") == true)
            #expect(!BotTranscriptTests.botReplies(messages).contains { $0.contains("dhl.example") })
        }
    }

    @Test("before shipping the bot changes the address and cancels after a yes; it sends the payment link; thanks closes the conversation as contained", arguments: TestDatabase.available)
    func changesBeforeShipping(database: TestDatabase) async throws {
        let settings = BotSettings(paymentLinkTemplate: "https://shop.example/pay/{{order.number}}")
        try await BotTranscriptTests.withShop(on: database, settings: settings) { api, inboxID, _ in
            let paidID = try await Self.order(api, number: "1002", status: "paid")
            _ = try await Self.order(api, number: "1003", status: "pending")

            try await BotTranscriptTests.say(api, inboxID: inboxID, "I need to change the address for order 1002", id: "wamid.a1")
            #expect(try await Self.lastReply(api).contains("new address"))
            try await BotTranscriptTests.say(api, inboxID: inboxID, "Jalan Merdeka 5, 40111 Bandung", id: "wamid.a2")
            let moved = try await api.send(.get, "/api/v1/orders/\(paidID)")
            let address = try #require(moved.object["shipping_address"] as? [String: Any])
            #expect(address["line1"] as? String == "Jalan Merdeka 5" && address["postal_code"] as? String == "40111")
            #expect(address["city"] as? String == "Bandung" && address["country"] as? String == "DE")

            try await BotTranscriptTests.say(api, inboxID: inboxID, "please cancel order 1002", id: "wamid.a3")
            #expect(try await Self.lastReply(api).contains("Reply yes or no"))
            #expect(try await api.send(.get, "/api/v1/orders/\(paidID)").object["status"] as? String == "paid", "nothing before the yes")
            try await BotTranscriptTests.say(api, inboxID: inboxID, "yes please", id: "wamid.a4")
            #expect(try await api.send(.get, "/api/v1/orders/\(paidID)").object["status"] as? String == "cancelled")

            try await BotTranscriptTests.say(api, inboxID: inboxID, "how do I pay for order 1003", id: "wamid.a5")
            #expect(try await Self.lastReply(api).contains("https://shop.example/pay/1003"))

            try await BotTranscriptTests.say(api, inboxID: inboxID, "cancel order 1001", id: "wamid.a6")
            let refusal = try await Self.lastReply(api)
            #expect(refusal.contains("already shipped") && refusal.contains("colleague"), "\(refusal)")
            try await BotTranscriptTests.say(api, inboxID: inboxID, "no thanks", id: "wamid.a7")
            try await BotTranscriptTests.say(api, inboxID: inboxID, "thank you!", id: "wamid.a8")
            let (conversation, _) = try await BotTranscriptTests.thread(api)
            #expect(conversation.status == .resolved)
            let dashboard = try await api.services.bot.dashboard(
                from: api.clock.now().addingTimeInterval(-3600), to: api.clock.now().addingTimeInterval(3600), as: .operator(workspaceID: api.workspaceID))
            #expect(dashboard.contained == 1 && dashboard.containmentRate == 1)
        }
    }

    @Test("two messages the bot cannot place hand off; a person answering first silences the bot", arguments: TestDatabase.available)
    func misunderstandingsAndTakeOver(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database) { api, inboxID, _ in
            try await BotTranscriptTests.say(api, inboxID: inboxID, "what's the weather like on mars", id: "wamid.m1")
            #expect(try await Self.lastReply(api).contains("didn't get that"))
            try await BotTranscriptTests.say(api, inboxID: inboxID, "tell me a joke about penguins", id: "wamid.m2")
            var (conversation, messages) = try await BotTranscriptTests.thread(api)
            #expect(conversation.status == .open)
            #expect(messages.last { $0.isPrivate }?.text?.contains("did not understand twice") == true)

            try await BotTranscriptTests.say(api, inboxID: inboxID, "hi", id: "wamid.t1", from: "6281111111111")
            (conversation, messages) = try await BotTranscriptTests.thread(api)
            #expect(conversation.status == .pending && BotTranscriptTests.botReplies(messages).count == 1)
            let agentActor = Actor.operator(workspaceID: api.workspaceID)
            _ = try await api.services.conversations.reply(
                conversationID: conversation.id, ReplyInput(text: "Hi, Dana here, how can I help?"), as: agentActor)
            try await BotTranscriptTests.say(api, inboxID: inboxID, "where is my order", id: "wamid.t2", from: "6281111111111")
            (conversation, messages) = try await BotTranscriptTests.thread(api)
            #expect(conversation.status == .open)
            #expect(BotTranscriptTests.botReplies(messages).count == 1, "the bot said nothing after the person")
            let dashboard = try await api.services.bot.dashboard(
                from: api.clock.now().addingTimeInterval(-3600), to: api.clock.now().addingTimeInterval(3600), as: .operator(workspaceID: api.workspaceID))
            #expect(Set(dashboard.reasons.map(\.reason)) == [.lowConfidence, .agentTookOver])
        }
    }

    @Test("an SMS question is answered from the help centre within two segments, with the article's link", arguments: TestDatabase.available)
    func helpCentreBySMS(database: TestDatabase) async throws {
        let twilio = try await FakeProvider.start()
        defer { twilio.stop() }
        twilio.script("/Messages.json", status: .created, body: #"{"sid":"SMbot{{seq}}","status":"queued"}"#)
        try await APIHarness.run(on: database) { api in
            let created = try await api.send(.post, "/api/v1/inboxes", json: """
                {"channel":"sms","name":"SMS","settings":{"account_sid":"AC1234567890abcdef1234567890abcdef","auth_token":"twilio-token",
                 "phone_number":"+18005551212","api_base_url":"\(twilio.baseURL)"}}
                """)
            let inboxID = try #require(created.object["id"] as? String)
            let operatorActor = Actor.operator(workspaceID: api.workspaceID)
            try await api.services.bot.saveSettings(BotSettings(inboxIDs: [inboxID]), as: operatorActor)
            let filler = String(repeating: "Parcels are packed by hand in our Bandung warehouse and handed to the courier the same afternoon. ", count: 4)
            _ = try await api.services.bot.saveArticle(
                id: nil, slug: "shipping-times", title: "Shipping times",
                body: "# Shipping times\n\nDelivery within Java takes 2 to 3 working days; other islands take 4 to 7 working days — “express” is faster. \(filler)\n\nWe do not ship on public holidays.",
                as: operatorActor)
            let path = "/webhooks/twilio/sms/\(inboxID)"
            let form = try ChannelFixtures.text("sms-inbound", "form", in: "twilio").trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "Where+is+my+order+%231001%3F", with: "How+long+does+delivery+take+to+other+islands%3F")
            #expect(try await MetaAndTwilioChannelTests.postTwilio(api, path: path, form: form, token: "twilio-token").status == .ok)
            try await api.runJobs()
            let reply = try await Self.lastReply(api)
            #expect(reply.count <= 306, "\(reply.count) characters")
            #expect(!reply.contains("—") && reply.contains("- \"express\""), "GSM characters only: \(reply)")
            #expect(reply.contains("4 to 7 working days") && reply.contains("/help/\(api.workspaceID)/shipping-times"), "\(reply)")
            let sent = try #require(twilio.requests.last { $0.path.hasSuffix("/Messages.json") })
            #expect(sent.body.contains("shipping-times"))
            let page = try await api.client.execute(uri: "/help/\(api.workspaceID)/shipping-times", method: .get)
            #expect(page.status == .ok && String(buffer: page.body).contains("<h1>Shipping times</h1>"))
        }
    }
    @Test("a customer writing Indonesian is answered in Indonesian, and the order's postcode or number does not change that", arguments: TestDatabase.available)
    func indonesian(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database) { api, inboxID, _ in
            try await BotTranscriptTests.say(api, inboxID: inboxID, "halo kak, pesanan saya #1001 sudah sampai mana?", id: "wamid.i1")
            let status = try await Self.lastReply(api)
            #expect(status.hasPrefix("Pesanan #1001") && status.contains("Lacak di sini: https://dhl.example/track/JJD0001"), "\(status)")
            try await BotTranscriptTests.say(api, inboxID: inboxID, "saya mau retur barang", id: "wamid.i2")
            #expect(try await Self.lastReply(api).contains("Barang mana dari pesanan #1001"))
            try await BotTranscriptTests.say(api, inboxID: inboxID, "2", id: "wamid.i3")
            #expect(try await Self.lastReply(api).contains("Berapa dari 2 Linen tee"))
            try await BotTranscriptTests.say(api, inboxID: inboxID, "tiga", id: "wamid.i4")
            #expect(try await Self.lastReply(api).contains("angka 1 sampai 2"))
            try await BotTranscriptTests.say(api, inboxID: inboxID, "satu saja", id: "wamid.i5")
            #expect(try await Self.lastReply(api).contains("Linen tee ×1. Apa alasan returnya?"))
            try await BotTranscriptTests.say(api, inboxID: inboxID, "the tee is too small", id: "wamid.i6")
            let done = try await Self.lastReply(api)
            #expect(done.hasPrefix("Done: return ret_") && done.contains("Linen tee ×1"), "an English message switches to English: \(done)")
            let returned = try await api.send(.get, "/api/v1/returns")
            #expect(((returned.object["data"] as? [[String: Any]])?.first?["items"] as? [[String: Any]])?.first?["quantity"] as? Int == 1)
        }
    }
    @Test("a photo without words goes to a person with a note saying so", arguments: TestDatabase.available)
    func photo(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database) { api, inboxID, _ in
            let body = try ChannelFixtures.whatsApp("messages", "image", id: "wamid.photo", timestamp: api.clock.now())
            let response = try await WhatsAppChannelTests.post(
                api, inboxID: inboxID, body, signature: ChannelFixtures.metaSignature(body, secret: "wa-secret"))
            #expect(response.status == .ok)
            try await api.runJobs()
            let (conversation, messages) = try await BotTranscriptTests.thread(api)
            #expect(conversation.status == .open)
            let note = try #require(messages.last { $0.isPrivate }?.text)
            #expect(note.contains("sent a photo or file") && note.contains("[image]"), "\(note)")
        }
    }
    @Test("with VIP hand-off on, a customer tagged vip goes to a person from the first message, routed by the VIP rule", arguments: TestDatabase.available)
    func vip(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database, settings: BotSettings(handOffVIP: true, vipTag: "vip")) { api, inboxID, _ in
            let orders = try await api.send(.get, "/api/v1/orders")
            let customerID = try #require((orders.object["data"] as? [[String: Any]])?.first?["customer_id"] as? String)
            #expect(try await api.send(.post, "/api/v1/customers/\(customerID)/tags", json: #"{"tags": ["VIP"]}"#).status == .ok)
            let actor = Actor.operator(workspaceID: api.workspaceID)
            let agent = try await WebWorkspaceTests.user(api, .agent)
            _ = try await api.services.inboxes.setAvailability(.online, agentID: agent.id, as: actor)
            let vipDesk = try await api.services.inboxes.createTeam(name: "VIP desk", memberIDs: [agent.id], as: actor)
            _ = try await api.services.inboxes.createRoutingRule(
                inboxID: nil, customerTag: "vip", teamID: vipDesk.id, priority: .high, position: nil, as: actor)
            try await BotTranscriptTests.say(api, inboxID: inboxID, "where is order #1001", id: "wamid.vip")
            let (conversation, messages) = try await BotTranscriptTests.thread(api)
            #expect(conversation.status == .open)
            #expect(conversation.teamID == vipDesk.id && conversation.priority == .high && conversation.assigneeID == agent.id)
            #expect(!BotTranscriptTests.botReplies(messages).contains { $0.contains("dhl.example") }, "no order work first")
            #expect(messages.last { $0.isPrivate }?.text?.contains("VIP customer") == true)
        }
    }

    @Test("a wholesale enquiry opens a lead on the chatting customer and hands the conversation to sales with a note saying so", arguments: TestDatabase.available)
    func wholesaleEnquiry(database: TestDatabase) async throws {
        try await BotTranscriptTests.withShop(on: database) { api, inboxID, _ in
            try await BotTranscriptTests.say(api, inboxID: inboxID, "hi, do you sell wholesale? we are a hotel and need 200 towels", id: "wamid.w1")
            let reply = try await Self.lastReply(api)
            #expect(reply.contains("sales team"), "\(reply)")
            let (conversation, messages) = try await BotTranscriptTests.thread(api)
            #expect(conversation.status == .open)
            #expect(messages.last { $0.isPrivate }?.text?.contains("wholesale or bulk enquiry, for sales") == true)
            let leads = try #require(try await api.send(.get, "/api/v1/leads?source=chat").object["data"] as? [[String: Any]])
            let lead = try #require(leads.first, "the enquiry opened a lead")
            #expect(lead["customer_id"] as? String == conversation.customerID && lead["origin_id"] as? String == conversation.id)
            #expect((lead["title"] as? String)?.contains("200 towels") == true)
            let timeline = try await api.send(.get, "/api/v1/customers/\(conversation.customerID)/timeline").object["data"] as? [[String: Any]] ?? []
            #expect(timeline.contains { $0["kind"] as? String == "lead_created" && $0["channel"] as? String == "chat" })
        }
    }
}
