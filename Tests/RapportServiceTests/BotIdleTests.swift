import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// A bot conversation nobody writes in for a day closes by itself: contained when the bot had
/// done what was asked, abandoned when it was waiting for an answer; a customer who wrote again
/// meanwhile keeps it open.
@Suite("Bot idle close")
struct BotIdleTests {
    /// Runs the due jobs of the bot (the channel sends are not needed here).
    static func runBotJobs(_ services: Services, _ bot: BotService) async throws {
        for job in try await services.jobs.claim(limit: 100) {
            switch job.kind {
            case BotReplyPayload.jobKind: try await bot.answer(job)
            case BotIdlePayload.jobKind: try await bot.closeIdle(job)
            default: break
            }
            try await services.jobs.succeeded(job)
        }
    }

    @Test("a day of silence closes bot conversations as contained or abandoned, not one the customer wrote in since", arguments: TestDatabase.available)
    func idleClose(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let bot = services.bot
            let sms = try await ConversationTests.smsInbox(services)
            try await bot.saveSettings(BotSettings(inboxIDs: [sms.id]), as: actor)

            _ = try await services.conversations.receive(ConversationTests.inbound("SM1", from: "+4915100000001", text: "hello"), inbox: sms)
            _ = try await services.conversations.receive(ConversationTests.inbound("SM2", from: "+4915100000002", text: "hi there"), inbox: sms)
            try await Self.runBotJobs(services, bot)
            services.clock.advance(by: 3600)
            // The second customer asks something the bot needs an order number for, then goes quiet.
            _ = try await services.conversations.receive(
                ConversationTests.inbound("SM3", from: "+4915100000002", text: "where is my order"), inbox: sms)
            try await Self.runBotJobs(services, bot)

            // A day after the first messages: the first conversation's check is due, the second's
            // (after its later message) is an hour away.
            services.clock.advance(by: BotService.idleClose - 3600 + 60)
            try await Self.runBotJobs(services, bot)
            var listed = try await services.conversations.conversations(filter: ConversationFilter(), page: PageRequest(), as: actor).items
            let first = try #require(listed.first { $0.contact == "+4915100000001" })
            let second = try #require(listed.first { $0.contact == "+4915100000002" })
            #expect(first.status == .resolved)
            #expect(second.status == .pending, "its customer wrote an hour later; the first idle check is stale")

            services.clock.advance(by: 3600)
            try await Self.runBotJobs(services, bot)
            listed = try await services.conversations.conversations(filter: ConversationFilter(), page: PageRequest(), as: actor).items
            #expect(listed.allSatisfy { $0.status == .resolved })
            let board = try await bot.dashboard(
                from: services.clock.now().addingTimeInterval(-3 * 86_400), to: services.clock.now(), as: actor)
            #expect(board.contained == 1 && board.abandoned == 1 && board.handedOff == 0)
            #expect(board.containmentRate == 0.5)
        }
    }
}
