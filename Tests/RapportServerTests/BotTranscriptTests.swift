import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Whole conversations with the bot, driven through the channels' real webhooks and the
/// job worker, on both engines.
@Suite("Bot transcripts")
struct BotTranscriptTests {
    static let customerPhone = "972987654321"

    /// A WhatsApp inbox with the bot switched on, and order #1001 of the WhatsApp customer:
    /// a mug and two tees, delivered yesterday with a DHL tracking link.
    static func shop(_ api: APIHarness, graph: FakeProvider, settings: BotSettings = BotSettings()) async throws -> String {
        graph.script("/messages", body: #"{"messaging_product":"whatsapp","messages":[{"id":"wamid.bot{{seq}}"}]}"#)
        let inboxID = try #require(try await WhatsAppChannelTests.createInbox(api, graph: graph)["id"] as? String)
        var enabled = settings
        enabled.inboxIDs = [inboxID]
        try await api.services.bot.saveSettings(enabled, as: .operator(workspaceID: api.workspaceID))
        let yesterday = ISO8601DateFormatter().string(from: api.clock.now().addingTimeInterval(-86_400))
        let order = try await api.send(.post, "/api/v1/orders", json: """
            {"number": "1001", "currency": "EUR", "status": "paid",
             "customer": {"email": "sam@example.com", "phone": "+\(customerPhone)", "first_name": "Sam"},
             "shipping_address": {"line1": "Hauptstr. 1", "postal_code": "10115", "city": "Berlin", "country": "DE"},
             "lines": [{"sku": "MUG-1", "title": "Blue mug", "quantity": 1, "unit_price": 1200},
                       {"sku": "TEE-1", "title": "Linen tee", "quantity": 2, "unit_price": 2500}],
             "placed_at": "\(yesterday)"}
            """)
        #expect(order.status == .created)
        let orderID = try #require(order.object["id"] as? String)
        let shipped = try await api.send(
            .post, "/api/v1/orders/\(orderID)/fulfillments",
            json: #"{"carrier": "DHL", "tracking_number": "JJD0001", "tracking_url": "https://dhl.example/track/JJD0001"}"#)
        #expect(shipped.status == .created)
        #expect(try await api.send(.patch, "/api/v1/orders/\(orderID)", json: #"{"status": "delivered"}"#).status == .ok)
        return inboxID
    }

    /// Runs `body` with the shop set up on a fresh database, its Graph API faked.
    static func withShop(
        on database: TestDatabase, settings: BotSettings = BotSettings(),
        _ body: @Sendable (APIHarness, String, FakeProvider) async throws -> Void
    ) async throws {
        let graph = try await FakeProvider.start()
        defer { graph.stop() }
        try await APIHarness.run(on: database) { api in
            try await body(api, try await shop(api, graph: graph, settings: settings), graph)
        }
    }

    /// The customer writes on WhatsApp (a signed webhook); the worker runs the bot.
    static func say(_ api: APIHarness, inboxID: String, _ text: String, id: String, from phone: String = customerPhone) async throws {
        let template = try ChannelFixtures.whatsApp("messages", "text", id: id, timestamp: api.clock.now())
        let body = template.replacingOccurrences(of: "Body Text", with: text).replacingOccurrences(of: customerPhone, with: phone)
        let response = try await WhatsAppChannelTests.post(
            api, inboxID: inboxID, body, signature: ChannelFixtures.metaSignature(body, secret: "wa-secret"))
        #expect(response.status == .ok)
        try await api.runJobs()
    }

    /// The newest conversation and its messages, oldest first.
    static func thread(_ api: APIHarness) async throws -> (Conversation, [Message]) {
        let actor = Actor.operator(workspaceID: api.workspaceID)
        let conversation = try #require(try await api.services.conversations.conversations(
            filter: ConversationFilter(), page: PageRequest(), as: actor).items.max { $0.id < $1.id })
        let messages = try await api.services.conversations.messages(
            conversationID: conversation.id, page: PageRequest(limit: 100), as: actor).items
        return (conversation, messages.sorted { $0.id < $1.id })
    }

    static func botReplies(_ messages: [Message]) -> [String] {
        messages.filter { $0.author == .bot && !$0.isPrivate }.compactMap(\.text)
    }

    @Test("order status with the tracking link, a return of one item, and a hand-off with the summary note", arguments: TestDatabase.available)
    func orderReturnHandoff(database: TestDatabase) async throws {
        try await Self.withShop(on: database) { api, inboxID, graph in

            try await Self.say(api, inboxID: inboxID, "Hi, where is order #1001?", id: "wamid.c1")
            var (conversation, messages) = try await Self.thread(api)
            #expect(conversation.status == .pending)
            let status = try #require(Self.botReplies(messages).last)
            #expect(status.contains("#1001") && status.contains("https://dhl.example/track/JJD0001"), "\(status)")
            let sent = graph.requests.filter { $0.path.hasSuffix("/messages") }
            #expect(sent.contains { $0.body.contains("dhl.example") }, "the tracking link went out on WhatsApp")

            try await Self.say(api, inboxID: inboxID, "I'd like to return one item", id: "wamid.c2")
            (conversation, messages) = try await Self.thread(api)
            let question = try #require(Self.botReplies(messages).last)
            #expect(question.contains("1. Blue mug") && question.contains("2. Linen tee"), "\(question)")

            try await Self.say(api, inboxID: inboxID, "the mug", id: "wamid.c3")
            try await Self.say(api, inboxID: inboxID, "it arrived with a crack", id: "wamid.c4")
            let returns = try await api.send(.get, "/api/v1/returns")
            let opened = try #require((returns.object["data"] as? [[String: Any]])?.first)
            let returnID = try #require(opened["id"] as? String)
            #expect(opened["reason"] as? String == "it arrived with a crack")
            #expect((opened["items"] as? [[String: Any]])?.count == 1)
            (conversation, messages) = try await Self.thread(api)
            let confirmation = try #require(Self.botReplies(messages).last)
            #expect(confirmation.contains(returnID) && confirmation.contains("Blue mug"), "\(confirmation)")

            try await Self.say(api, inboxID: inboxID, "this is useless, I want a person", id: "wamid.c5")
            (conversation, messages) = try await Self.thread(api)
            #expect(conversation.status == .open)
            let upset = try #require(messages.last { $0.author == .customer })
            #expect((upset.sentiment ?? 0) < 0, "the customer's message carries its sentiment")
            let note = try #require(messages.last { $0.isPrivate }?.text)
            #expect(note.contains("customer asked for a person"), "\(note)")
            #expect(note.contains("#1001") && note.contains(returnID) && note.contains("I want a person"), "\(note)")

            // A person has it now: the bot stays silent.
            let before = Self.botReplies(messages).count
            try await Self.say(api, inboxID: inboxID, "hello?", id: "wamid.c6")
            (conversation, messages) = try await Self.thread(api)
            #expect(Self.botReplies(messages).count == before)

            let day = api.clock.now().addingTimeInterval(-3600)
            let dashboard = try await api.services.bot.dashboard(
                from: day, to: api.clock.now().addingTimeInterval(3600), as: .operator(workspaceID: api.workspaceID))
            #expect(dashboard.handled == 1 && dashboard.handedOff == 1)
            #expect(dashboard.reasons.first?.reason == .asked)

            // The agent's thread marks the upset message and shows the bot's note.
            _ = try await WebWorkspaceTests.user(api, .manager)
            let manager = try await WebWorkspaceTests.signIn(api, "manager@shop.test")
            let page = try await WebWorkspaceTests.get(api, "/inbox/\(conversation.id)", cookie: manager.cookie)
            #expect(page.text.contains("sounds upset") && page.text.contains("Bot hand-off"))
        }
    }
}
