import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Team dashboard")
struct DashboardTests {
    @Test("first-response and resolution medians and p90s, today's figures, per channel, per agent and per day; only managers and admins", arguments: TestDatabase.available)
    func figures(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let admin = Actor.operator(workspaceID: services.workspaceID)
            let agent = try await services.users.create(email: "ana@shop.test", name: "Ana", role: .agent, password: nil, as: admin).user
            let manager = try await services.users.create(email: "max@shop.test", name: "Max", role: .manager, password: nil, as: admin).user
            let inbox = try await ConversationTests.smsInbox(services)
            let dayOne = Calendar.utc.startOfDay(for: services.clock.now())
            let ana = Actor.user(agent, teamIDs: [])
            func open(_ number: Int) async throws -> String {
                let stored = try await services.conversations.receive(ConversationTests.inbound("SM\(number)", from: "+49151000000\(number)"), inbox: inbox)
                let id = stored.stored[0].conversationID
                _ = try await services.conversations.act(.assign(agentID: agent.id, teamID: nil), conversationID: id, as: admin)
                return id
            }
            // Day one: three conversations at the same moment; answered after 10 and 30 minutes, one never.
            let first = try await open(1)
            let second = try await open(2)
            _ = try await open(3)
            services.clock.advance(by: 600)
            _ = try await services.conversations.reply(conversationID: first, ReplyInput(text: "Hi"), as: ana)
            services.clock.advance(by: 1200)
            _ = try await services.conversations.reply(conversationID: second, ReplyInput(text: "Hi"), as: ana)
            services.clock.advance(by: 1800)
            _ = try await services.conversations.act(.resolve, conversationID: first, as: ana)
            // Two days later: one answered after 2 minutes and resolved after 5.
            services.clock.advance(by: 2 * 86_400)
            let later = try await open(4)
            services.clock.advance(by: 120)
            _ = try await services.conversations.reply(conversationID: later, ReplyInput(text: "Hi"), as: ana)
            services.clock.advance(by: 180)
            _ = try await services.conversations.act(.resolve, conversationID: later, as: ana)

            let board = try await services.conversations.dashboard(
                from: dayOne, to: dayOne.addingTimeInterval(3 * 86_400), as: Actor.user(manager, teamIDs: []))
            #expect(board.opened == 4 && board.resolved == 2)
            #expect(board.openedToday == 1 && board.resolvedToday == 1)
            #expect(board.firstResponse == DurationSummary([600, 1800, 120]))
            #expect(board.firstResponse.median == 600 && board.firstResponse.p90 == 1800)
            #expect(board.resolution.median == 300 && board.resolution.p90 == 3600)
            #expect(board.waiting.count(.open) == 2)
            #expect(board.channels.map { "\($0.channel.rawValue) \($0.opened) \($0.resolved)" } == ["sms 4 2"])
            let figures = try #require(board.agents.first { $0.agent.id == agent.id })
            #expect(figures.assigned == 4 && figures.resolved == 2 && figures.openNow == 2)
            #expect(board.days.map(\.opened) == [3, 0, 1] && board.days.map(\.resolved) == [1, 0, 1])

            await #expect(throws: RapportError.forbidden("An agent may not see the team dashboard.")) {
                _ = try await services.conversations.dashboard(from: dayOne, to: dayOne.addingTimeInterval(86_400), as: ana)
            }
            await #expect(throws: RapportError.self) {
                _ = try await services.conversations.dashboard(from: dayOne, to: dayOne.addingTimeInterval(400 * 86_400), as: admin)
            }
        }
    }

    @Test("nearest-rank percentiles")
    func percentiles() {
        let summary = DurationSummary((1...10).map(TimeInterval.init))
        #expect(summary.count == 10 && summary.median == 5 && summary.p90 == 9)
        #expect(DurationSummary([]).median == nil)
        #expect(DurationSummary([42]).p90 == 42)
    }
}
