import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The sender's audience resolution and its send log on both engines: who is queued, held out
/// or skipped and why; the frequency cap reading earlier campaigns; pause, resume and cancel;
/// a deferred send tried again later. The transport here records what it is handed; the real
/// SMTP path is `CampaignSendingTests` (aiosmtpd) and `CampaignResumeTests` (a killed worker).
@Suite("Campaign audience and send log")
struct CampaignAudienceTests {
    /// Hands over what it is given, answering `outcome` for each.
    final class RecordingTransport: CampaignEmailTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var handed: [CampaignEmail] = []
        var outcome: @Sendable (CampaignEmail) -> CampaignDeliveryOutcome = { .sent(messageID: "\($0.sendID)@shop.test") }

        var emails: [CampaignEmail] { lock.withLock { handed } }

        func deliver(_ emails: [CampaignEmail], through inbox: Inbox, at date: Date, deadline: Duration) async -> [CampaignDeliveryOutcome] {
            lock.withLock { handed += emails }
            return emails.map(outcome)
        }
    }

    struct Links: CampaignLinks {
        func unsubscribeURL(token: String, sendID: String) -> String { "https://r.test/unsubscribe/\(token)?send=\(sendID)" }
        func preferencesURL(token: String) -> String { "https://r.test/preferences/\(token)" }
        func clickURL(sendID: String, signature: String, target: String) -> String { "https://r.test/c/\(sendID)/\(signature)?u=\(target)" }
        func openURL(sendID: String, signature: String) -> String { "https://r.test/o/\(sendID)/\(signature)" }
        func textClickURL(sendID: String, index: Int, signature: String) -> String { "https://r.test/s/\(sendID)/\(index)/\(signature)" }
        func reviewURL(_ link: ReviewRequestLink, signature: String) -> String {
            "https://r.test/review/\(link.workspaceID)/\(link.orderID)/\(link.expires)/\(signature)"
        }
        var problem: String? { nil }
    }

    /// A workspace with an e-mail inbox, and a transport that records. The inbox has DKIM
    /// settings, as `send` asks; the recording transport signs nothing, so the key is a stand-in.
    static func world(_ store: SQLDataStore) async throws -> (Services, Actor, Inbox, RecordingTransport) {
        let services = try await Services.make(on: store)
        let actor = Actor.operator(workspaceID: services.workspaceID)
        let inbox = try await services.inboxes.createInbox(
            channel: .email, name: "Mail",
            settings: [
                "address": "news@shop.test", "smtp_host": "127.0.0.1", "dkim_domain": "shop.test", "dkim_selector": "s1",
                "dkim_private_key": "stand-in",
            ], as: actor)
        return (services, actor, inbox, RecordingTransport())
    }

    static func customer(_ services: Services, _ email: String, consent: String?, actor: Actor) async throws -> String {
        let id = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: email)]), as: actor).customer.id
        if let consent {
            _ = try await services.consents.record(
                ConsentInput(purpose: "marketing", channel: "email", status: consent, source: "form"), customerID: id, witness: ConsentWitness(), as: actor)
        }
        return id
    }

    static func campaign(_ services: Services, inbox: Inbox, segments: [String], excluding: [String] = [], actor: Actor) async throws -> Campaign {
        let ids = segments.map { "\"\($0)\"" }.joined(separator: ",")
        let excluded = excluding.map { "\"\($0)\"" }.joined(separator: ",")
        return try await services.campaigns.create(
            CampaignDraft(
                name: "News \(UUID().uuidString.prefix(6))", channel: .email, inboxID: inbox.id,
                definition: try JSONParser.parse(Array("""
                    {"audience":{"segment_ids":[\(ids)],"exclusion_segment_ids":[\(excluded)]},"default_locale":"en","holdout_share":0,
                     "frequency_cap":{"messages":1,"days":7},"content":{"en":{"subject":"Hi","body":"News"}}}
                    """.utf8))),
            as: actor)
    }

    @Test("members are queued, skipped by reason or excluded; a second campaign within the cap skips those the first reached; deleted customers are left out", arguments: TestDatabase.available)
    func resolution(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, transport) = try await Self.world(store)
            let sender = CampaignDispatcher(campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: Links(), batchSize: 2)
            let yes1 = try await Self.customer(services, "yes1@example.com", consent: "granted", actor: actor)
            let yes2 = try await Self.customer(services, "yes2@example.com", consent: "granted", actor: actor)
            let staff = try await Self.customer(services, "staff@example.com", consent: "granted", actor: actor)
            let no = try await Self.customer(services, "no@example.com", consent: "denied", actor: actor)
            let gone = try await Self.customer(services, "gone@example.com", consent: "granted", actor: actor)
            let everyone = try await services.segments.create(SegmentDraft(name: "Everyone", kind: .list), as: actor)
            let staffList = try await services.segments.create(SegmentDraft(name: "Staff", kind: .list), as: actor)
            _ = try await services.segments.addToList(id: everyone.id, customerIDs: [yes1, yes2, staff, no, gone], as: actor)
            _ = try await services.segments.addToList(id: staffList.id, customerIDs: [staff], as: actor)
            try await services.customers.delete(id: gone, as: actor)

            let first = try await Self.campaign(services, inbox: inbox, segments: [everyone.id], excluding: [staffList.id], actor: actor)
            #expect(try await services.campaigns.send(id: first.id, as: actor).status == .sending)
            while try await services.campaigns.find(id: first.id, as: actor).status == .sending { _ = try await sender.runDue() }
            let stats = try await services.campaigns.stats(id: first.id, as: actor)
            #expect(stats.audience == 4, "the deleted customer is no member")
            #expect(stats.sent == 2 && stats.skipped[.excluded] == 1 && stats.skipped[.noConsent] == 1)
            #expect(Set(transport.emails.map(\.address)) == ["yes1@example.com", "yes2@example.com"])
            #expect(transport.emails.allSatisfy { $0.unsubscribeURL.hasPrefix("https://r.test/unsubscribe/") && $0.unsubscribeMailto?.hasPrefix("mailto:news@shop.test") == true })

            // A reply names the campaign e-mail's Message-ID: the send counts as replied. A
            // message naming another customer's campaign e-mail counts for nobody.
            let yes1Send = try #require(transport.emails.first { $0.address == "yes1@example.com" })
            let yes2Send = try #require(transport.emails.first { $0.address == "yes2@example.com" })
            _ = try await services.conversations.receive(
                ChannelPayload(messages: [
                    InboundMessage(
                        providerMessageID: "reply-1@example.com", from: "yes1@example.com", kind: .text, text: "Love it", subject: "Re: Hi",
                        references: ["<\(yes1Send.sendID)@shop.test>"]),
                    InboundMessage(
                        providerMessageID: "reply-2@example.com", from: "no@example.com", kind: .text, text: "Forwarded", subject: "Fwd: Hi",
                        references: ["<\(yes2Send.sendID)@shop.test>"]),
                ]), inbox: inbox)
            #expect(try await services.campaigns.stats(id: first.id, as: actor).replied == 1)

            // A day later a second campaign: the cap (1 in 7 days) holds those the first reached.
            services.clock.advance(by: 86_400)
            let second = try await Self.campaign(services, inbox: inbox, segments: [everyone.id], actor: actor)
            _ = try await services.campaigns.send(id: second.id, as: actor)
            while try await services.campaigns.find(id: second.id, as: actor).status == .sending { _ = try await sender.runDue() }
            let again = try await services.campaigns.stats(id: second.id, as: actor)
            #expect(again.skipped[.frequencyCap] == 2 && again.sent == 1 && again.skipped[.noConsent] == 1, "\(again)")
            await #expect(throws: RapportError.self, "a sent campaign is not sent again") {
                _ = try await services.campaigns.send(id: second.id, as: actor)
            }
        }
    }

    @Test("paused, a campaign sends nothing until resumed; a deferred send is tried again after its delay, a batch deferred whole pauses it; cancelled, the rest never goes", arguments: TestDatabase.available)
    func pauseDeferAndCancel(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, transport) = try await Self.world(store)
            transport.outcome = { email in email.address.hasPrefix("c0@") ? .deferred("451 try later") : .sent(messageID: email.sendID) }
            let sender = CampaignDispatcher(campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: Links(), batchSize: 2)
            var ids: [String] = []
            for index in 0..<6 { ids.append(try await Self.customer(services, "c\(index)@example.com", consent: "granted", actor: actor)) }
            let list = try await services.segments.create(SegmentDraft(name: "All", kind: .list), as: actor)
            _ = try await services.segments.addToList(id: list.id, customerIDs: ids, as: actor)
            let campaign = try await Self.campaign(services, inbox: inbox, segments: [list.id], actor: actor)
            await #expect(throws: RapportError.self, "only a sending campaign pauses") { _ = try await services.campaigns.pause(id: campaign.id, as: actor) }
            _ = try await services.campaigns.send(id: campaign.id, as: actor)
            _ = try await sender.runDue()  // resolves, and sends the first batch of two
            #expect(transport.emails.count == 2)
            #expect(try await services.campaigns.pause(id: campaign.id, as: actor).status == .paused)
            _ = try await sender.runDue()
            #expect(transport.emails.count == 2, "paused: nothing more")
            _ = try await services.campaigns.resume(id: campaign.id, as: actor)
            for _ in 0..<5 { _ = try await sender.runDue() }
            #expect(transport.emails.count == 6)
            #expect(try await services.campaigns.find(id: campaign.id, as: actor).status == .sending, "the deferred one is still to go")
            #expect(try await services.campaigns.stats(id: campaign.id, as: actor).statuses[.queued] == 1)
            services.clock.advance(by: CampaignDispatcher.retryDelay + 1)
            _ = try await sender.runDue()
            #expect(transport.emails.filter { $0.address == "c0@example.com" }.count == 2, "tried again after the delay")
            // That batch was deferred whole (it held only c0): the sender paused the campaign, saying why.
            let held = try await services.campaigns.find(id: campaign.id, as: actor)
            #expect(held.status == .paused && held.statusReason?.contains("451 try later") == true, "\(held.statusReason ?? "")")
            _ = try await services.campaigns.cancel(id: campaign.id, as: actor)
            services.clock.advance(by: CampaignDispatcher.retryDelay + 1)
            _ = try await sender.runDue()
            #expect(transport.emails.count == 7, "cancelled: never again")
            let cancelled = try await services.campaigns.find(id: campaign.id, as: actor)
            #expect(cancelled.status == .cancelled && cancelled.finishedAt != nil)
            // What was still to go will not: unsent, not pending, in the stats and the report.
            let stats = try await services.campaigns.stats(id: campaign.id, as: actor)
            let left = (stats.statuses[.queued] ?? 0) + (stats.statuses[.sending] ?? 0)
            #expect(left == 1 && stats.pending == 0 && stats.unsent == 1, "\(stats)")
            #expect(stats.fields.first { $0.0 == "unsent" }?.1 == 1 && stats.fields.first { $0.0 == "pending" }?.1 == 0)
            let reported = try await services.campaigns.report(id: campaign.id, as: actor).stats
            #expect(reported.unsent == 1 && reported.pending == 0)
            let actions = try await store.texts("SELECT action FROM audit_entries WHERE subject_id = '\(campaign.id)' ORDER BY position").map { $0[0] ?? "" }
            #expect(actions.filter { $0 != "campaign.created" } == ["campaign.sent", "campaign.paused", "campaign.resumed", "campaign.paused", "campaign.cancelled"])
        }
    }

    @Test("a draft with a schedule ahead is scheduled, started by the sender when its time comes; sending it again sends it now", arguments: TestDatabase.available)
    func scheduled(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, transport) = try await Self.world(store)
            let sender = CampaignDispatcher(campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: Links())
            let id = try await Self.customer(services, "c@example.com", consent: "granted", actor: actor)
            let list = try await services.segments.create(SegmentDraft(name: "All", kind: .list), as: actor)
            _ = try await services.segments.addToList(id: list.id, customerIDs: [id], as: actor)
            func draft() async throws -> Campaign {
                let at = Timestamp.iso8601(services.clock.now().addingTimeInterval(3600))
                return try await services.campaigns.create(
                    CampaignDraft(
                        name: "Later \(UUID().uuidString.prefix(6))", channel: .email, inboxID: inbox.id,
                        definition: try JSONParser.parse(Array("""
                            {"audience":{"segment_ids":["\(list.id)"]},"holdout_share":0,"schedule":{"at":"\(at)"},
                             "content":{"en":{"subject":"Hi","body":"Later"}}}
                            """.utf8))),
                    as: actor)
            }
            let later = try await services.campaigns.send(id: try await draft().id, as: actor)
            #expect(later.status == .scheduled && later.scheduledAt == services.clock.now().addingTimeInterval(3600))
            _ = try await sender.runDue()
            let waiting = try await services.campaigns.find(id: later.id, as: actor)
            #expect(transport.emails.isEmpty && waiting.status == .scheduled)
            services.clock.advance(by: 3601)
            for _ in 0..<3 { _ = try await sender.runDue() }
            let started = try await services.campaigns.find(id: later.id, as: actor)
            #expect(started.status == .sent && transport.emails.count == 1)

            // Sent now instead: a scheduled campaign sent again goes at once (the cap of 3 in 7 days lets a second through).
            let other = try await services.campaigns.send(id: try await draft().id, as: actor)
            #expect(other.status == .scheduled)
            #expect(try await services.campaigns.send(id: other.id, as: actor).status == .sending)
        }
    }

    @Test("who withdrew, was deleted or bounced after the audience was resolved is withheld from the batch, counted by reason", arguments: TestDatabase.available)
    func checkedAgainBeforeSending(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, transport) = try await Self.world(store)
            let sender = CampaignDispatcher(campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: Links(), batchSize: 10)
            let stays = try await Self.customer(services, "stays@example.com", consent: "granted", actor: actor)
            let withdraws = try await Self.customer(services, "withdraws@example.com", consent: "granted", actor: actor)
            let leaves = try await Self.customer(services, "leaves@example.com", consent: "granted", actor: actor)
            let bounces = try await Self.customer(services, "bounces@example.com", consent: "granted", actor: actor)
            let list = try await services.segments.create(SegmentDraft(name: "All", kind: .list), as: actor)
            _ = try await services.segments.addToList(id: list.id, customerIDs: [stays, withdraws, leaves, bounces], as: actor)
            let campaign = try await Self.campaign(services, inbox: inbox, segments: [list.id], actor: actor)
            _ = try await services.campaigns.send(id: campaign.id, as: actor)
            let current = try await services.campaigns.find(id: campaign.id, as: actor)
            try await sender.resolveAudience(of: current)
            #expect(try await services.campaigns.stats(id: campaign.id, as: actor).statuses[.queued] == 4)

            services.clock.advance(by: 60)
            _ = try await services.consents.record(
                ConsentInput(purpose: "marketing", channel: "email", status: "withdrawn", source: "form"), customerID: withdraws,
                witness: ConsentWitness(), as: actor)
            try await services.customers.delete(id: leaves, as: actor)
            try await store.write { session in
                try await session.suppressions.suppress(Suppression(
                    workspaceID: services.workspaceID, channel: .email, address: "bounces@example.com", reason: .hardBounce, source: "test",
                    createdAt: services.clock.now()))
            }
            while try await services.campaigns.find(id: campaign.id, as: actor).status == .sending { _ = try await sender.runDue() }
            #expect(transport.emails.map(\.address) == ["stays@example.com"])
            let stats = try await services.campaigns.stats(id: campaign.id, as: actor)
            #expect(stats.sent == 1 && stats.skipped[.noConsent] == 1 && stats.skipped[.gone] == 1 && stats.skipped[.suppressed] == 1, "\(stats)")
        }
    }

    @Test("sending is refused without a DKIM key on the inbox; a local-time schedule is scheduled for the first clock to reach it", arguments: [TestDatabase.sqlite])
    func refusals(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, _) = try await Self.world(store)
            let unsigned = try await services.inboxes.createInbox(
                channel: .email, name: "Plain", settings: ["address": "plain@shop.test", "smtp_host": "127.0.0.1"], as: actor)
            let list = try await services.segments.create(SegmentDraft(name: "All", kind: .list), as: actor)
            let campaign = try await Self.campaign(services, inbox: unsigned, segments: [list.id], actor: actor)
            let field = await CampaignTests.fault { _ = try await services.campaigns.send(id: campaign.id, as: actor) }
            #expect(field == "inbox_id")
            #expect(try await services.campaigns.find(id: campaign.id, as: actor).status == .draft, "nothing changed")
            let local = try await services.campaigns.create(
                CampaignDraft(
                    name: "Local", channel: .email, inboxID: inbox.id,
                    definition: try JSONParser.parse(Array("""
                        {"audience":{"segment_ids":["\(list.id)"]},"schedule":{"local_time":"2027-06-01T09:00"},
                         "content":{"en":{"subject":"Hi","body":"Later"}}}
                        """.utf8))),
                as: actor)
            let scheduled = try await services.campaigns.send(id: local.id, as: actor)
            #expect(scheduled.status == .scheduled && scheduled.scheduledAt == Timestamp.parse("2027-05-31T19:00:00Z"), "UTC+14 reaches 09:00 first")
        }
    }
}
