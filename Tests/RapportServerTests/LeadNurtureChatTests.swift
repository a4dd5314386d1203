import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// The built-in lead nurture started from web chat: a shopper the shop signed in asks the bot
/// about a product, the bot records `conversation.product_asked`, and the journey it triggers
/// sends its material a day later, through a real SMTP server.
@Suite("Lead nurture from web chat")
struct LeadNurtureChatTests {
    @Test("a product question to the bot in web chat lets the shopper into lead nurture; its material goes a day later, and a question about an order does not count", arguments: TestDatabase.available)
    func fromChat(database: TestDatabase) async throws {
        try await JourneyPagesTests.asMarketer(on: database) { api, mailbox, _, sink in
            let actor = Actor.operator(workspaceID: api.workspaceID)
            let secret = "chat-secret-0123456789abcdef"
            let created = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"webchat","name":"Shop chat","settings":{"identity_secret":"\#(secret)"}}"#)
            let chatInbox = try #require(created.object["id"] as? String)
            try await api.services.bot.saveSettings(BotSettings(inboxIDs: [chatInbox]), as: actor)
            let shopper = try await api.send(
                .post, "/api/v1/customers",
                json: #"{"identities":[{"kind":"external","value":"u-42","source":"app"},{"kind":"email","value":"lin@example.com"}],"first_name":"Lin"}"#)
            let shopperID = try #require(shopper.object["id"] as? String)
            _ = try await api.services.consents.record(
                ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form"), customerID: shopperID, witness: ConsentWitness(),
                as: actor)
            let draft = try await api.services.journeys.create(JourneyDraft(), templateKey: "lead_nurture", inboxID: mailbox, as: actor)
            let journey = try await api.services.journeys.publish(id: draft.id, as: actor)

            let hash = WebhookSignature.hexHMACSHA256(Data("u-42".utf8), secret: secret)
            let (_, token) = try await api.chatSession(chatInbox, json: #"{"user_id":"u-42","user_hash":"\#(hash)"}"#)
            let asked = try await api.chat(.post, "/chat/\(chatInbox)/messages", token: token, json: #"{"client_id":"c1","text":"Is this jacket available in blue?"}"#)
            #expect(asked.object["stored"] as? Int == 1)
            try await api.runJobs()

            let events = try await api.services.store.read { session in try await session.events.events(after: 0, limit: 10_000) }
            let productAsked = try #require(events.map(\.event).first(where: { $0.type == .conversationProductAsked }))
            #expect(productAsked.payload.contains(#""customer_id":"\#(shopperID)""#) && productAsked.payload.contains(#""verified":true"#))
            #expect(productAsked.payload.contains(#""channel":"webchat""#) && productAsked.payload.contains(#""answered":false"#), "no help article: a person offered")
            let enrolments = try await api.services.journeys.enrolments(ofCustomer: shopperID, as: actor)
            #expect(enrolments.map(\.journeyID) == [journey.id], "the question let them in")

            let sender = api.services.campaignSender(batchSize: 100)
            _ = try await api.services.journeyRunner.runDue()
            _ = try await sender.runDue()
            #expect(try sink.received().isEmpty, "a day to think it over (an order in it is the goal)")
            // The bot closes the quiet chat (an open conversation would hold the material back).
            api.clock.advance(by: 86_400)
            try await api.runJobs()
            let conversation = try #require((try await api.send(.get, "/api/v1/conversations?inbox_id=\(chatInbox)").object["data"] as? [[String: Any]])?.first)
            #expect(conversation["status"] as? String == "resolved")
            for _ in 0..<3 {
                _ = try await api.services.journeyRunner.runDue()
                _ = try await sender.runDue()
            }
            let mail = try sink.received().map { String(decoding: $0.message, as: UTF8.self) }
            #expect(mail.count == 1 && mail.first?.contains("Subject: More about what you asked us") == true)
            #expect(mail.first?.contains("lin@example.com") == true)

            // A question about an order is no product question; a visitor the shop did not sign in
            // asks about a product, which is recorded unproven and lets nobody in.
            let (_, other) = try await api.chatSession(chatInbox)
            _ = try await api.chat(.post, "/chat/\(chatInbox)/messages", token: other, json: #"{"client_id":"c2","text":"Where is my order #1001?"}"#)
            try await api.runJobs()
            let (_, stranger) = try await api.chatSession(chatInbox)
            _ = try await api.chat(.post, "/chat/\(chatInbox)/messages", token: stranger, json: #"{"client_id":"c3","text":"Is this jacket available in blue?"}"#)
            try await api.runJobs()
            let later = try await api.services.store.read { session in try await session.events.events(after: 0, limit: 10_000) }
            let questions = later.map(\.event).filter { $0.type == .conversationProductAsked }
            #expect(questions.count == 2 && questions.last?.payload.contains(#""verified":false"#) == true)
            let report = try await api.services.journeys.report(id: journey.id, as: actor)
            #expect(report.stats.entered == 1, "only the proven shopper was let in")
        }
    }
}
