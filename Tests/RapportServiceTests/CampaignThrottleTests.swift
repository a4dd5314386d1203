import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// A provider that asks for fewer messages (HTTP 429) slows campaigns down; it neither pauses
/// them at once nor uses up the sends' attempts, so a spell of throttling loses nobody. One
/// that never lifts its limit pauses the campaign after half an hour, with its words.
@Suite("Campaigns slowed down by a throttling provider")
struct CampaignThrottleTests {
    /// Answers each hand-over as `throttles` says for the call's number (from 1) and the
    /// message's place in the batch; takes the others.
    final class ThrottlingTextTransport: CampaignTextTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var calls = 0
        private var taken: [String] = []
        private var batches: [[String]] = []
        let throttles: @Sendable (_ call: Int, _ place: Int) -> Bool

        init(throttles: @escaping @Sendable (_ call: Int, _ place: Int) -> Bool) { self.throttles = throttles }

        var handOvers: Int { lock.withLock { calls } }
        var sent: [String] { lock.withLock { taken } }
        /// The addresses of each hand-over, in order.
        var handed: [[String]] { lock.withLock { batches } }

        func deliver(_ messages: [CampaignTextMessage], through inbox: Inbox, deadline: Duration) async -> [CampaignDeliveryOutcome] {
            lock.withLock {
                calls += 1
                batches.append(messages.map(\.address))
                return messages.enumerated().map { place, message in
                    guard !throttles(calls, place) else { return .throttled("Twilio asked for fewer messages (HTTP 429, code 20429)") }
                    taken.append(message.address)
                    return .sent(messageID: "SM\(message.sendID)")
                }
            }
        }
    }

    /// A world of `members` SMS customers on a list, a campaign to them being sent, and a
    /// sender (batches of `batchSize`) through `texts`.
    static func world(_ store: SQLDataStore, members: Int, batchSize: Int, texts: ThrottlingTextTransport) async throws
        -> (services: Services, actor: Actor, campaign: Campaign, sender: CampaignDispatcher)
    {
        let services = try await Services.make(on: store)
        let actor = Actor.operator(workspaceID: services.workspaceID)
        let inbox = try await ConversationTests.smsInbox(services)
        var customers: [String] = []
        for n in 1...members { customers.append(try await CampaignTextTests.customer(services, phone: "+491511000000\(n)", actor: actor)) }
        let segment = try await CampaignTextTests.list(services, customers, actor: actor)
        let campaign = try await CampaignTextTests.campaign(
            services, channel: .sms, inbox: inbox, segment: segment, content: #"{"en":{"text":"Sale today"}}"#, actor: actor)
        _ = try await services.campaigns.send(id: campaign.id, as: actor)
        return (services, actor, campaign, sender(services, store: store, texts: texts, batchSize: batchSize))
    }

    static func sender(_ services: Services, store: SQLDataStore, texts: ThrottlingTextTransport, batchSize: Int) -> CampaignDispatcher {
        CampaignDispatcher(
            campaigns: services.campaigns, transport: CampaignAudienceTests.RecordingTransport(), textTransport: texts, signer: store.linkSigner,
            links: CampaignAudienceTests.Links(), batchSize: batchSize)
    }

    @Test("a batch the provider throttled goes back to the queue with no attempt counted, out of every sender's reach while the inbox waits, longer each time; never paused; then everyone gets one message", arguments: TestDatabase.available)
    func throttledBatches(database: TestDatabase) async throws {
        try await database.withStore { store in
            // Each send throttled more often than it has attempts (`maximumAttempts`).
            let texts = ThrottlingTextTransport { call, _ in call <= 2 * CampaignDispatcher.maximumAttempts + 2 }
            // Batches of two: while the inbox waits, the third member is not sent to either.
            let (services, actor, campaign, sender) = try await Self.world(store, members: 3, batchSize: 2, texts: texts)
            _ = try await sender.runDue()
            #expect(texts.handOvers == 1)
            _ = try await sender.runDue()
            #expect(texts.handOvers == 1, "waiting: another round at the same moment hands nothing over")
            // Another sender (another process: a wait of its own) finds the throttled sends held
            // back: it takes only the member the first batch left.
            let other = Self.sender(services, store: store, texts: texts, batchSize: 2)
            _ = try await other.runDue()
            #expect(texts.handOvers == 2 && texts.handed[1].count == 1 && Set(texts.handed[1]).isDisjoint(with: texts.handed[0]), "\(texts.handed)")
            _ = try await other.runDue()
            #expect(texts.handOvers == 2)
            var stats = try await services.campaigns.stats(id: campaign.id, as: actor)
            #expect(stats.statuses[.queued] == 3 && stats.sent == 0)
            #expect(try await services.campaigns.find(id: campaign.id, as: actor).status == .sending)

            // The waits double: 1 s after the first throttled batch, 2 s after the second.
            services.clock.advance(by: CampaignThrottleBackoff.first + 0.5)
            _ = try await sender.runDue()
            #expect(texts.handOvers == 3)
            services.clock.advance(by: CampaignThrottleBackoff.first + 0.5)
            _ = try await sender.runDue()
            #expect(texts.handOvers == 3, "the second wait is two seconds")
            for _ in 0..<(4 * CampaignDispatcher.maximumAttempts) {
                services.clock.advance(by: CampaignThrottleBackoff.longest)
                _ = try await sender.runDue()
            }
            #expect(texts.handOvers > 2 * CampaignDispatcher.maximumAttempts + 2)
            stats = try await services.campaigns.stats(id: campaign.id, as: actor)
            #expect(stats.sent == 3 && stats.statuses[.failed] == nil)
            #expect(texts.sent.sorted() == (1...3).map { "+491511000000\($0)" })
            let finished = try await services.campaigns.find(id: campaign.id, as: actor)
            #expect(finished.status == .sent && finished.statusReason == nil)
        }
    }

    @Test("a provider at the edge of its limit (a few of a batch throttled): those few wait a second, the rest of the campaign goes on", arguments: TestDatabase.available)
    func fewThrottled(database: TestDatabase) async throws {
        try await database.withStore { store in
            let texts = ThrottlingTextTransport { call, place in call == 1 && place == 0 }
            let (services, actor, campaign, sender) = try await Self.world(store, members: 4, batchSize: 3, texts: texts)
            _ = try await sender.runDue()
            _ = try await sender.runDue()
            #expect(texts.handOvers == 2 && texts.sent.count == 3, "the fourth member goes at once")
            _ = try await sender.runDue()
            #expect(texts.handOvers == 2, "the throttled one is held for a second")
            services.clock.advance(by: CampaignThrottleBackoff.first + 0.5)
            _ = try await sender.runDue()
            _ = try await sender.runDue()
            #expect(texts.sent.count == 4 && Set(texts.sent).count == 4)
            #expect(try await services.campaigns.find(id: campaign.id, as: actor).status == .sent)
        }
    }

    @Test("a provider that throttles everything for half an hour pauses the campaign with its words; nothing is failed", arguments: TestDatabase.available)
    func givesUp(database: TestDatabase) async throws {
        try await database.withStore { store in
            let texts = ThrottlingTextTransport { _, _ in true }
            let (services, actor, campaign, sender) = try await Self.world(store, members: 2, batchSize: 2, texts: texts)
            let started = services.clock.now()
            var found = try await services.campaigns.find(id: campaign.id, as: actor)
            while found.status == .sending, services.clock.now().timeIntervalSince(started) < 2 * CampaignThrottleBackoff.givingUp {
                _ = try await sender.runDue()
                services.clock.advance(by: CampaignThrottleBackoff.longest)
                found = try await services.campaigns.find(id: campaign.id, as: actor)
            }
            #expect(found.status == .paused && found.statusReason?.contains("20429") == true, "\(found.statusReason ?? "")")
            #expect(services.clock.now().timeIntervalSince(started) >= CampaignThrottleBackoff.givingUp)
            let stats = try await services.campaigns.stats(id: campaign.id, as: actor)
            #expect(stats.statuses[.queued] == 2 && stats.statuses[.failed] == nil)
        }
    }

    @Test("the wait: none when nothing was throttled; a second for the few throttled when fewer than half were; doubling to a minute while half or more are, per inbox; over after any batch under half")
    func backoff() {
        let backoff = CampaignThrottleBackoff()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(backoff.note(throttled: 0, of: 25, inboxID: "inb_1", at: now) == nil)
        #expect(backoff.note(throttled: 3, of: 25, inboxID: "inb_1", at: now) == now.addingTimeInterval(1))
        #expect(!backoff.isWaiting("inb_1", at: now))
        let waits = (0..<9).map { _ in backoff.note(throttled: 13, of: 25, inboxID: "inb_1", at: now)!.timeIntervalSince(now) }
        #expect(waits == [1, 2, 4, 8, 16, 32, 60, 60, 60])
        #expect(backoff.isWaiting("inb_1", at: now.addingTimeInterval(59)) && !backoff.isWaiting("inb_1", at: now.addingTimeInterval(60)))
        #expect(!backoff.isWaiting("inb_2", at: now))
        #expect(!backoff.givesUp("inb_1", at: now.addingTimeInterval(CampaignThrottleBackoff.givingUp - 1)))
        _ = backoff.note(throttled: 12, of: 25, inboxID: "inb_1", at: now)
        #expect(!backoff.isWaiting("inb_1", at: now))
        #expect(backoff.note(throttled: 25, of: 25, inboxID: "inb_1", at: now) == now.addingTimeInterval(1))
        #expect(backoff.givesUp("inb_1", at: now.addingTimeInterval(CampaignThrottleBackoff.givingUp)))
        #expect(!backoff.isWaiting("inb_1", at: now), "given up, the wait is forgotten")
    }
}
