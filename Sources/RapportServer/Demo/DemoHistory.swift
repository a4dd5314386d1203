import RapportLearning
import Foundation
import Logging
import RapportCore

/// The two weeks before today, so the dashboard has a past: customers texting the shop on
/// weekdays' working hours, the demo agent answering within minutes or hours, most
/// conversations resolved. Written through the same services as live traffic, with a clock set
/// in the past; the replies' `message.send` jobs run at once through a stand-in for Twilio.
struct DemoHistory {
    var days = 14
    var seed: UInt64 = 7

    func write(services: AppServices, sms: Inbox, team: Team, agents: [User], skipping used: Int, workspaceID: String) async throws {
        guard !agents.isEmpty else { return }
        let clock = DemoClock(at: services.clock.now())
        let past = AppServices(
            store: services.store, defaultRegion: services.defaultRegion, clock: clock, publicURL: services.publicURL,
            outbound: services.outbound)
        var random = SeededGenerator(seed: seed)
        let phones = try await customerPhones(services: services, workspaceID: workspaceID, skipping: used, wanted: days * 12)
        let today = Calendar.utc.startOfDay(for: services.clock.now())
        var next = 0
        for dayBack in (1...days).reversed() {
            let day = today.addingTimeInterval(-Double(dayBack) * 86_400)
            let count = Int.random(in: 5...11, using: &random)
            for _ in 0..<count where next < phones.count {
                let phone = phones[next]
                next += 1
                var moment = day.addingTimeInterval(Double(Int.random(in: 7 * 60...19 * 60, using: &random)) * 60)
                clock.set(moment)
                let text = DemoTeam.questions[Int.random(in: 0..<DemoTeam.questions.count, using: &random)]
                let stored = try await past.conversations.receive(
                    ChannelPayload(messages: [InboundMessage(providerMessageID: "SMpast\(next)", from: phone, kind: .text, text: text)]), inbox: sms)
                guard let conversationID = stored.stored.first?.conversationID else { continue }
                let agent = agents[Int.random(in: 0..<agents.count, using: &random)]
                let actor = Actor.user(agent, teamIDs: [team.id])
                // Most answers come within the hour, some take the afternoon.
                moment.addTimeInterval(Double(Int.random(in: 2...(Int.random(in: 0..<4, using: &random) == 0 ? 300 : 45), using: &random)) * 60)
                clock.set(moment)
                _ = try await past.conversations.act(.assign(agentID: agent.id, teamID: nil), conversationID: conversationID, as: actor)
                _ = try await past.conversations.reply(conversationID: conversationID, ReplyInput(text: DemoHistory.answer), as: actor)
                if Int.random(in: 0..<10, using: &random) < 8 {
                    moment.addTimeInterval(Double(Int.random(in: 5...600, using: &random)) * 60)
                    clock.set(moment)
                    _ = try await past.conversations.act(.resolve, conversationID: conversationID, as: actor)
                }
            }
        }
        clock.set(services.clock.now())
        let worker = JobWorker(
            jobs: past.jobs,
            handlers: [MessageSendHandler(conversations: past.conversations, senders: [DemoSMSProvider()]), SLACheckHandler(conversations: past.conversations)],
            concurrency: 1, logger: Logger(label: "rapport.demo"))
        _ = try await worker.drain()
    }

    static let answer = "Thanks for writing! I have checked it for you and sent the details by e-mail. Anything else I can do?"

    /// Phones of customers not already writing in today's open conversations.
    private func customerPhones(services: AppServices, workspaceID: String, skipping used: Int, wanted: Int) async throws -> [String] {
        var phones: [String] = []
        var seen = 0
        var cursor: String?
        while phones.count < wanted {
            let page = try await services.customers.list(query: nil, page: try PageRequest(limit: 100, startingAfter: cursor), as: .system("demo", workspaceID: workspaceID))
            for customer in page.items {
                guard let phone = customer.identities.first(where: { $0.kind == .phone })?.value else { continue }
                seen += 1
                if seen > used && phones.count < wanted { phones.append(phone) }
            }
            guard page.hasMore, let last = page.items.last else { break }
            cursor = last.id
        }
        return phones
    }
}
