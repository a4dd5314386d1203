import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// A person's answer takes a conversation over from the bot only while the bot has it.
@Suite("Bot take-over")
struct BotTakeOverTests {
    @Test("an agent answering a conversation the bot has ends its session as taken over; answering one people already have does not", arguments: TestDatabase.available)
    func takeOver(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let sms = try await ConversationTests.smsInbox(services)
            try await services.bot.saveSettings(BotSettings(inboxIDs: [sms.id]), as: actor)
            func session(_ conversationID: String) async throws -> BotSession? {
                try await store.read { session in try await session.bot.session(conversationID: conversationID) }
            }

            // The bot has the conversation; a person answers: taken over.
            let first = try #require(try await services.conversations.receive(
                ConversationTests.inbound("SMa", from: "+4915100000011", text: "hello"), inbox: sms).stored.first)
            try await BotIdleTests.runBotJobs(services, services.bot)
            #expect(try await session(first.conversationID)?.outcome == .active)
            _ = try await services.conversations.reply(conversationID: first.conversationID, ReplyInput(text: "Hi, Ada here."), as: actor)
            let takenOver = try await session(first.conversationID)
            #expect(takenOver?.outcome == .handedOff)
            #expect(takenOver?.handoffReason == .agentTookOver)

            // An agent resolved a conversation while the bot still had it, then reopened it for
            // people: answering it now takes nothing over (the bot no longer has it).
            let second = try #require(try await services.conversations.receive(
                ConversationTests.inbound("SMb", from: "+4915100000012", text: "hello"), inbox: sms).stored.first)
            try await BotIdleTests.runBotJobs(services, services.bot)
            _ = try await services.conversations.act(.resolve, conversationID: second.conversationID, as: actor)
            _ = try await services.conversations.act(.reopen, conversationID: second.conversationID, as: actor)
            _ = try await services.conversations.reply(conversationID: second.conversationID, ReplyInput(text: "Following up."), as: actor)
            #expect(try await session(second.conversationID)?.outcome == .active)
        }
    }
}
