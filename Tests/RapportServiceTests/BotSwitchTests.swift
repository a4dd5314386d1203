import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Switching the bot off never strands a conversation: its pending conversations go to people,
/// and a message that arrives in one the bot no longer answers opens it.
@Suite("Bot switched off")
struct BotSwitchTests {
    @Test("switching the bot off opens and routes its pending conversations; a late message opens a stranded one", arguments: TestDatabase.available)
    func switchOff(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let bot = services.bot
            let team = try await services.inboxes.createTeam(name: "Support", memberIDs: [], as: actor)
            let sms = try await ConversationTests.smsInbox(services, teamID: team.id)
            try await bot.saveSettings(BotSettings(inboxIDs: [sms.id]), as: actor)
            for (index, phone) in ["+4915100000001", "+4915100000002"].enumerated() {
                _ = try await services.conversations.receive(ConversationTests.inbound("SM\(index)", from: phone, text: "hello"), inbox: sms)
            }
            var listed = try await services.conversations.conversations(filter: ConversationFilter(), page: PageRequest(), as: actor).items
            #expect(listed.count == 2 && listed.allSatisfy { $0.status == .pending && $0.teamID == nil })

            try await bot.saveSettings(BotSettings(inboxIDs: []), as: actor)
            listed = try await services.conversations.conversations(filter: ConversationFilter(), page: PageRequest(), as: actor).items
            #expect(listed.allSatisfy { $0.status == .open && $0.teamID == team.id })

            // The bot is on again; then its setting disappears without the hand-off (another
            // process saved older settings): the next message opens the conversation.
            try await bot.saveSettings(BotSettings(inboxIDs: [sms.id]), as: actor)
            _ = try await services.conversations.receive(ConversationTests.inbound("SM9", from: "+4915100000003", text: "hi"), inbox: sms)
            try await services.store.write { session in
                try await session.bot.save(BotSettings(inboxIDs: []), workspaceID: services.workspaceID, at: services.clock.now())
            }
            _ = try await services.conversations.receive(ConversationTests.inbound("SM10", from: "+4915100000003", text: "hello?"), inbox: sms)
            let stranded = try #require(try await services.conversations.conversations(
                filter: ConversationFilter(), page: PageRequest(), as: actor).items.first { $0.contact == "+4915100000003" })
            #expect(stranded.status == .open && stranded.teamID == team.id)
        }
    }
}
