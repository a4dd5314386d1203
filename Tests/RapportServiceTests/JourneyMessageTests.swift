import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Journey messages through the campaign send log (ADR 0013), on the simulated clock and both
/// engines: each message step is a campaign of its own that the runner queues sends into and
/// the campaign sender delivers under the campaign rules; no marketing while a support
/// conversation is open; the built-in thank-you and review request end to end.
@Suite("Journey messages")
struct JourneyMessageTests {
    typealias World = (services: Services, actor: Actor, inbox: Inbox, transport: CampaignAudienceTests.RecordingTransport, sender: CampaignDispatcher)

    static func world(_ store: SQLDataStore) async throws -> World {
        let (services, actor, inbox, transport) = try await CampaignAudienceTests.world(store)
        let sender = CampaignDispatcher(
            campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: CampaignAudienceTests.Links(), batchSize: 50)
        return (services, actor, inbox, transport, sender)
    }

    /// Runs the journeys and the campaign sender until neither has anything to do now.
    static func settle(_ world: World) async throws {
        for _ in 0..<20 {
            let steps = try await world.services.journeyRunner.runDue()
            let sent = try await world.sender.runDue()
            if steps == 0 && sent == 0 { return }
        }
    }

    static func promo(inbox: Inbox, openConversation: String = "wait", entry: String = "\"every_time\"") -> String {
        """
        {"trigger": {"manual": true}, "entry": \(entry), "open_conversation": "\(openConversation)",
         "steps": [
           {"key": "hello", "type": "send", "channel": "email", "inbox_id": "\(inbox.id)", "default_locale": "en",
            "content": {"en": {"subject": "Hello {{customer.first_name | default: \\"there\\"}}", "body": "Our autumn picks are in."},
                        "id": {"subject": "Halo", "body": "Pilihan musim gugur sudah tiba."}},
            "next": "done"},
           {"key": "done", "type": "update_profile", "add_tags": ["greeted"]}
         ]}
        """
    }

    static func customer(_ world: World, _ email: String, consent: String? = "granted") async throws -> String {
        try await CampaignAudienceTests.customer(world.services, email, consent: consent, actor: world.actor)
    }

    static func sends(_ store: SQLDataStore, journey: Journey) async throws -> [CampaignSend] {
        try await store.read { session in
            var sends: [CampaignSend] = []
            for campaign in try await session.campaigns.journeyCampaigns(journeyIDs: [journey.id]) {
                sends += try await session.campaigns.sends(campaignID: campaign.id, workspaceID: campaign.workspaceID, page: try PageRequest(limit: 100)).items
            }
            return sends
        }
    }

    @Test("a message step queues a send in its step campaign, which the sender delivers with the step's content; without consent it is skipped and the step says why; entering again sends again; the step campaign is the journey's alone", arguments: TestDatabase.available)
    func messageStep(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await Self.world(store)
            let (services, actor) = (world.services, world.actor)
            let journey = try await JourneyRunnerTests.live(services, Self.promo(inbox: world.inbox), actor: actor)
            let yes = try await Self.customer(world, "yes@example.com")
            let no = try await Self.customer(world, "no@example.com", consent: "denied")
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [yes, no], segmentID: nil, as: actor)
            try await Self.settle(world)

            #expect(world.transport.emails.map(\.address) == ["yes@example.com"])
            #expect(world.transport.emails.first?.subject == "Hello there" && world.transport.emails.first?.text.contains("autumn picks") == true)
            let sends = try await Self.sends(store, journey: journey)
            #expect(sends.count == 2)
            #expect(sends.first { $0.customerID == yes }?.status == .sent)
            #expect(sends.first { $0.customerID == no }.map { ($0.status, $0.skipReason) } ?? (.queued, nil) == (.skipped, .noConsent))
            for customer in [yes, no] {
                #expect(try await JourneyRunnerTests.tags(services, customer, actor: actor) == ["greeted"], "a message skipped does not stop the walk")
            }
            let report = try await services.journeys.report(id: journey.id, as: actor)
            let hello = try #require(report.steps.first { $0.stepKey == "hello" })
            #expect(hello.passed == 2 && hello.skipped == 1 && hello.sent == 1, "the report counts the step's runs, its skipped message and the one sent")

            // The step's campaign is its journey's: not in the campaign list, not found by the campaign API.
            let campaigns = try await store.read { session in try await session.campaigns.journeyCampaigns(journeyIDs: [journey.id]) }
            #expect(campaigns.count == 1 && campaigns[0].journeyStep?.stepKey == "hello" && campaigns[0].status == .sending)
            #expect(try await services.campaigns.list(page: try PageRequest(limit: 50), as: actor).items.isEmpty)
            await #expect(throws: RapportError.self) { try await services.campaigns.find(id: campaigns[0].id, as: actor) }
            await #expect(throws: RapportError.self) { try await services.campaigns.cancel(id: campaigns[0].id, as: actor) }

            // Entering again is a new occurrence: the step sends again (the cap allows it).
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [yes], segmentID: nil, as: actor)
            try await Self.settle(world)
            #expect(world.transport.emails.count == 2)
            #expect(Set(try await Self.sends(store, journey: journey).map(\.occurrence)).count == 3)
            #expect(try await store.read { session in try await session.campaigns.find(id: campaigns[0].id, workspaceID: services.workspaceID) }?.status == .sending,
                "a step campaign is never finished while its journey runs")
        }
    }

    @Test("the send log takes one send per campaign, customer and occurrence: a journey step's send written twice is queued once", arguments: TestDatabase.available)
    func occurrenceIsUnique(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await Self.world(store)
            let journey = try await JourneyRunnerTests.live(world.services, Self.promo(inbox: world.inbox), actor: world.actor)
            let yes = try await Self.customer(world, "once@example.com")
            let campaign = try #require(try await store.read { session in try await session.campaigns.journeyCampaigns(journeyIDs: [journey.id]) }.first)
            let now = world.services.clock.now()
            let sends = (0..<2).map { _ in
                CampaignSend(
                    id: ResourceID.make(.campaignSend, at: now), campaignID: campaign.id, workspaceID: world.services.workspaceID, customerID: yes,
                    status: .queued, address: "once@example.com", queuedAt: now, notBefore: now, occurrence: "jen_x:hello:1")
            }
            let added = try await store.write { session in
                try await session.campaigns.insertSends([sends[0]]) + session.campaigns.insertSends([sends[1]])
            }
            #expect(added == 1)
        }
    }

    @Test("no promotion while a complaint is open: the message waits until the conversation is resolved, then goes; a journey set to skip goes on without it; pausing the journey holds its queued messages, archiving drops them", arguments: TestDatabase.available)
    func openConversation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await Self.world(store)
            let (services, actor) = (world.services, world.actor)
            let waiting = try await JourneyRunnerTests.live(services, Self.promo(inbox: world.inbox), actor: actor)
            let skipping = try await JourneyRunnerTests.live(services, Self.promo(inbox: world.inbox, openConversation: "skip"), actor: actor)
            let upset = try await Self.customer(world, "upset@example.com")
            let complaint = try await services.conversations.receive(
                ChannelPayload(messages: [
                    InboundMessage(providerMessageID: "complaint-1@example.com", from: "upset@example.com", kind: .text, text: "My parcel is broken", subject: "Broken")
                ]), inbox: world.inbox
            ).stored[0].conversationID
            _ = try await services.journeys.enrol(id: waiting.id, customerIDs: [upset], segmentID: nil, as: actor)
            _ = try await services.journeys.enrol(id: skipping.id, customerIDs: [upset], segmentID: nil, as: actor)
            try await Self.settle(world)
            #expect(world.transport.emails.isEmpty, "nothing promotional while the complaint is open")
            let held = try #require(try await JourneyRunnerTests.enrolment(services, upset, journey: waiting, actor: actor))
            #expect(held.status == .waiting && held.position?.stepKey == "hello" && held.waitEvent == "domain:conversation.resolved")
            let skipped = try #require(try await JourneyRunnerTests.enrolment(services, upset, journey: skipping, actor: actor))
            #expect(skipped.status == .completed, "the skipping journey went on without its message")
            #expect(try await Self.sends(store, journey: skipping).isEmpty)

            services.clock.advance(by: 3_600)
            _ = try await services.conversations.act(.resolve, conversationID: complaint, as: actor)
            try await Self.settle(world)
            #expect(world.transport.emails.map(\.address) == ["upset@example.com"], "resolved: the held message goes")
            #expect(try await JourneyRunnerTests.enrolment(services, upset, journey: waiting, actor: actor)?.status == .completed)

            // Paused, the journey holds a message already queued; archived, it drops it.
            let calm = try await Self.customer(world, "calm@example.com")
            _ = try await services.journeys.enrol(id: waiting.id, customerIDs: [calm], segmentID: nil, as: actor)
            _ = try await services.journeyRunner.runDue()
            _ = try await services.journeys.pause(id: waiting.id, as: actor)
            _ = try await world.sender.runDue()
            #expect(world.transport.emails.count == 1, "paused: the queued message waits")
            _ = try await services.journeys.archive(id: waiting.id, as: actor)
            _ = try await world.sender.runDue()
            #expect(world.transport.emails.count == 1)
            let campaign = try #require(try await store.read { session in try await session.campaigns.journeyCampaigns(journeyIDs: [waiting.id]) }.first)
            #expect(campaign.status == .cancelled)
        }
    }

    @Test("the built-in thank-you and review request: a delivered order thanks the customer the next day without marketing consent, asks for the review six days later only with it, and the review reached is the goal", arguments: TestDatabase.available)
    func postPurchaseReview(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await Self.world(store)
            let (services, actor) = (world.services, world.actor)
            let draft = try await services.journeys.create(JourneyDraft(), templateKey: "post_purchase_review", inboxID: world.inbox.id, as: actor)
            let journey = try await services.journeys.publish(id: draft.id, as: actor)
            var orders: [String: String] = [:]
            for (number, email) in [("9001", "fan@example.com"), ("9002", "quiet@example.com")] {
                let order = try await services.commerce.upsertOrders([OrderTests.guestOrder(number, email: email)], as: actor)[0].order
                orders[email] = order.customerID
                _ = try await services.commerce.changeStatus(orderID: order.id, to: .fulfilled, as: actor)
                _ = try await services.commerce.changeStatus(orderID: order.id, to: .delivered, as: actor)
            }
            let fan = try #require(orders["fan@example.com"])
            _ = try await services.consents.record(
                ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form"), customerID: fan, witness: ConsentWitness(), as: actor)
            try await Self.settle(world)
            #expect(world.transport.emails.isEmpty, "the thanks waits a day")

            services.clock.advance(by: 86_400)
            try await Self.settle(world)
            #expect(Set(world.transport.emails.map(\.address)) == ["fan@example.com", "quiet@example.com"], "a service message: no marketing consent asked")
            #expect(world.transport.emails.allSatisfy { $0.subject == "Thank you for your order" })

            services.clock.advance(by: 6 * 86_400)
            try await Self.settle(world)
            let requests = world.transport.emails.filter { $0.subject == "How was it?" }
            #expect(requests.map(\.address) == ["fan@example.com"], "the review request is marketing: only with consent")
            let quiet = try #require(orders["quiet@example.com"])
            #expect(try await Self.sends(store, journey: journey).first { $0.customerID == quiet && $0.skipReason == .noConsent } != nil)

            _ = try await services.tracking.ingest(
                [
                    TrackingMessage(type: .identify, messageID: "fan-id", userID: "fan", properties: ["email": .string("fan@example.com")]),
                    TrackingMessage(type: .track, messageID: "review-1", userID: "fan", event: "Product Reviewed"),
                ], workspaceID: services.workspaceID, provenance: .proven)
            let stats = try await services.journeys.report(id: journey.id, as: actor).stats
            #expect(stats.entered == 2 && stats.converted == 1)
        }
    }

    @Test("an e-mail step publishes only through an inbox that signs (DKIM)", arguments: TestDatabase.available)
    func signingInboxRequired(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await Self.world(store)
            let unsigned = try await world.services.inboxes.createInbox(
                channel: .email, name: "Plain", settings: ["address": "plain@shop.test", "smtp_host": "127.0.0.1"], as: world.actor)
            let draft = try await world.services.journeys.create(
                JourneyDraft(name: "Unsigned", definition: try JourneyRunnerTests.json(Self.promo(inbox: unsigned))), as: world.actor)
            do {
                _ = try await world.services.journeys.publish(id: draft.id, as: world.actor)
                Issue.record("published through an inbox without a DKIM key")
            } catch RapportError.invalid(let errors) {
                #expect(errors.map(\.field) == ["definition.steps[0].inbox_id"])
            }
            #expect(try await world.services.journeys.find(id: draft.id, as: world.actor).status == .draft)
            let campaigns = try await store.read { session in try await session.campaigns.journeyCampaigns(journeyIDs: [draft.id]) }
            #expect(campaigns.isEmpty, "nothing of a refused publish is left")
        }
    }

    /// Links that point nowhere a customer can reach, as a server without its public address has.
    struct UnreachableLinks: CampaignLinks {
        let base = CampaignAudienceTests.Links()
        func unsubscribeURL(token: String, sendID: String) -> String { base.unsubscribeURL(token: token, sendID: sendID) }
        func preferencesURL(token: String) -> String { base.preferencesURL(token: token) }
        func clickURL(sendID: String, signature: String, target: String) -> String { base.clickURL(sendID: sendID, signature: signature, target: target) }
        func openURL(sendID: String, signature: String) -> String { base.openURL(sendID: sendID, signature: signature) }
        func textClickURL(sendID: String, index: Int, signature: String) -> String { base.textClickURL(sendID: sendID, index: index, signature: signature) }
        func reviewURL(_ link: ReviewRequestLink, signature: String) -> String { base.reviewURL(link, signature: signature) }
        var problem: String? { "Campaign links would point to http://127.0.0.1:8080." }
    }

    @Test("a step campaign the sender cannot send pauses its journey, audited with the reason; resuming the journey lets the held message go", arguments: TestDatabase.available)
    func senderPausesJourney(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await Self.world(store)
            let (services, actor) = (world.services, world.actor)
            let journey = try await JourneyRunnerTests.live(services, Self.promo(inbox: world.inbox), actor: actor)
            let yes = try await Self.customer(world, "held@example.com")
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [yes], segmentID: nil, as: actor)
            _ = try await services.journeyRunner.runDue()
            let stuck = CampaignDispatcher(
                campaigns: services.campaigns, transport: world.transport, signer: store.linkSigner, links: UnreachableLinks(), batchSize: 50)
            _ = try await stuck.runDue()
            #expect(world.transport.emails.isEmpty)
            #expect(try await services.journeys.find(id: journey.id, as: actor).status == .paused)
            let campaign = try #require(try await store.read { session in try await session.campaigns.journeyCampaigns(journeyIDs: [journey.id]) }.first)
            #expect(campaign.status == .paused && campaign.statusReason?.contains("127.0.0.1") == true)
            let audit = try await services.audit.entries(filter: AuditFilter(subjectID: journey.id), page: try PageRequest(), as: actor).items
            #expect(audit.contains { $0.action == "journey.paused" && $0.details["reason"]?.contains("127.0.0.1") == true })

            _ = try await services.journeys.resume(id: journey.id, as: actor)
            try await Self.settle(world)
            #expect(world.transport.emails.map(\.address) == ["held@example.com"])
        }
    }

    @Test("the frequency cap (3 marketing messages in 7 days) counts marketing queued earlier in the same batch, and never a service message", arguments: TestDatabase.available)
    func capWithinBatch(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await Self.world(store)
            let (services, actor) = (world.services, world.actor)
            let inbox = world.inbox.id
            let journey = try await JourneyRunnerTests.live(
                services, """
                    {"trigger": {"manual": true}, "entry": "every_time",
                     "steps": [
                       {"key": "receipt", "type": "send", "channel": "email", "inbox_id": "\(inbox)", "default_locale": "en", "marketing": false,
                        "content": {"en": {"subject": "Receipt", "body": "Thanks."}}, "next": "welcome"},
                       {"key": "welcome", "type": "send", "channel": "email", "inbox_id": "\(inbox)", "default_locale": "en",
                        "content": {"en": {"subject": "First", "body": "One."}}, "next": "a_promo"},
                       {"key": "a_promo", "type": "send", "channel": "email", "inbox_id": "\(inbox)", "default_locale": "en",
                        "content": {"en": {"subject": "Second", "body": "Two."}}}
                     ]}
                    """, actor: actor)
            let cap = try #require(try await store.read { session in try await session.campaigns.journeyCampaigns(journeyIDs: [journey.id]) }.first)
            #expect(cap.definition.frequencyCap == .standard && FrequencyCap.standard.messages == 3)
            let yes = try await Self.customer(world, "capped@example.com")
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [yes], segmentID: nil, as: actor)
            try await Self.settle(world)
            #expect(world.transport.emails.map(\.subject).sorted() == ["First", "Receipt", "Second"])

            // A day later, in again: two promotions and a receipt already went this week. The
            // receipt does not count, so the first promotion goes (the third); the second, queued
            // in the same batch after it, would be the fourth.
            services.clock.advance(by: 86_400)
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [yes], segmentID: nil, as: actor)
            try await Self.settle(world)
            #expect(world.transport.emails.map(\.subject).sorted() == ["First", "First", "Receipt", "Receipt", "Second"])
            let report = try await services.journeys.report(id: journey.id, as: actor)
            // Decided in the order the walk ran them, whatever the steps' keys.
            #expect(report.steps.first { $0.stepKey == "a_promo" }.map { ($0.passed, $0.skipped, $0.sent) } ?? (0, 0, 0) == (2, 1, 1))
        }
    }
}
