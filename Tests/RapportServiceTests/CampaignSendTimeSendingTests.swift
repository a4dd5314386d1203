import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// A test of send time on both engines: the set-based resolution writes each tested member's
/// `claimed_until` from their variant (B's next 18:00 on their own clock, A's the resolution
/// itself), and the sender keeps to it.
@Suite("Campaign A/B/n tests of send time, sent")
struct CampaignSendTimeSendingTests {
    /// A customer with an e-mail address, marketing consent by e-mail and a profile time zone.
    static func customer(_ services: Services, _ email: String, timeZone: String, actor: Actor) async throws -> String {
        let id = try await services.customers.upsert(
            CustomerInput(identities: [IdentityInput(kind: "email", value: email)], timezone: timeZone), as: actor
        ).customer.id
        _ = try await services.consents.record(
            ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form"), customerID: id, witness: ConsentWitness(), as: actor)
        return id
    }

    @Test("variant B with a local time of 18:00 waits for the next 18:00 on each recipient's clock while A goes at once; the sender keeps to it", arguments: TestDatabase.available)
    func variantAtLocalTime(database: TestDatabase) async throws {
        try await database.withStore { store in
            // The clock: Monday 2026-09-21 14:13:20 UTC; 16:13 in Berlin, 23:13 in Tokyo, 10:13 in New York.
            let (services, actor, inbox, transport) = try await CampaignAudienceTests.world(store)
            let sender = CampaignDispatcher(campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: CampaignAudienceTests.Links())
            let list = try await services.segments.create(SegmentDraft(name: "Everyone", kind: .list), as: actor)
            let campaign = try await services.campaigns.create(
                CampaignDraft(
                    name: "Evening or now", channel: .email, inboxID: inbox.id,
                    definition: try JSONParser.parse(Array("""
                        {"audience":{"segment_ids":["\(list.id)"]},"holdout_share":0,"frequency_cap":{"messages":9,"days":7},
                         "content":{"en":{"subject":"Hi","body":"News"}},
                         "experiment":{"variants":[{"name":"B","local_time":"18:00"}],"test_share":1}}
                        """.utf8))),
                as: actor)
            let experiment = try #require(campaign.definition.experiment)
            // B's next 18:00 in each zone: today in Berlin and New York, tomorrow in Tokyo (23:13 there now).
            let eighteen: [String: Date] = [
                "Europe/Berlin": Timestamp.parse("2026-09-21T16:00:00Z")!, "America/New_York": Timestamp.parse("2026-09-21T22:00:00Z")!,
                "Asia/Tokyo": Timestamp.parse("2026-09-22T09:00:00Z")!,
            ]
            // In each zone, customers until someone is in A and someone in B: the draw is each
            // customer's own, so the test makes sure both sides are there.
            var zoneOf: [String: String] = [:]
            var addressOf: [String: String] = [:]
            for zone in eighteen.keys.sorted() {
                var variants: Set<String> = []
                for index in 0..<40 where variants.count < 2 {
                    let address = "c\(index).\(zone.lowercased().replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "_", with: "-"))@example.com"
                    let id = try await Self.customer(services, address, timeZone: zone, actor: actor)
                    zoneOf[id] = zone
                    addressOf[id] = address
                    variants.insert(experiment.variant(customerID: id, campaignID: campaign.id) ?? "waiting")
                }
                #expect(variants == ["A", "B"], "\(zone): everyone is in the test, and both sides are drawn")
            }
            _ = try await services.segments.addToList(id: list.id, customerIDs: Array(zoneOf.keys), as: actor)

            let sending = try await services.campaigns.send(id: campaign.id, as: actor)
            #expect(sending.status == .sending)
            let resolvedAt = services.clock.now()
            #expect(try await sender.resolveAudience(of: sending) == zoneOf.count)
            await #expect(throws: RapportError.self, "a send-time test has no rest to send a chosen winner to") {
                _ = try await services.campaigns.chooseWinner(id: campaign.id, variant: "B", as: actor)
            }

            let log = try await store.read { session in
                try await session.campaigns.sends(campaignID: campaign.id, workspaceID: services.workspaceID, page: try PageRequest(limit: 100, startingAfter: nil)).items
            }
            #expect(log.count == zoneOf.count)
            var inA: Set<String> = []
            var inB: [String: Set<String>] = [:]
            for send in log {
                let zone = try #require(zoneOf[send.customerID])
                let address = try #require(addressOf[send.customerID])
                #expect(send.status == .queued && send.variant == experiment.variant(customerID: send.customerID, campaignID: campaign.id), "\(send)")
                let rows = try await store.integers("SELECT claimed_until FROM campaign_sends WHERE id = '\(send.id)'")
                let claimedUntil = try #require(rows.first?.first ?? nil)
                if send.variant == "B" {
                    inB[zone, default: []].insert(address)
                    #expect(claimedUntil == Timestamp.microseconds(try #require(eighteen[zone])), "B in \(zone): the next 18:00 there")
                } else {
                    inA.insert(address)
                    #expect(claimedUntil == Timestamp.microseconds(resolvedAt), "A in \(zone): due at once")
                }
            }

            func sentAfter(_ instant: String) async throws -> Set<String> {
                guard let target = Timestamp.parse(instant) else {
                    Issue.record("not an instant: \(instant)")
                    return []
                }
                services.clock.advance(by: target.timeIntervalSince(services.clock.now()))
                for _ in 0..<5 { _ = try await sender.runDue() }
                return Set(transport.emails.map(\.address))
            }
            #expect(try await sentAfter("2026-09-21T14:14:00Z") == inA, "A at once, B nowhere yet")
            let idle = try await store.read { session in try await session.campaigns.sending(at: services.clock.now(), limit: 20) }
            #expect(idle.isEmpty, "a campaign whose sends all wait takes no sender's place")
            #expect(try await sentAfter("2026-09-21T15:59:00Z") == inA)
            let berlin = inB["Europe/Berlin", default: []]
            #expect(try await sentAfter("2026-09-21T16:01:00Z") == inA.union(berlin), "18:00 in Berlin")
            let newYork = inB["America/New_York", default: []]
            #expect(try await sentAfter("2026-09-21T22:01:00Z") == inA.union(berlin).union(newYork), "18:00 in New York")
            #expect(try await sentAfter("2026-09-22T08:59:00Z").count == inA.count + berlin.count + newYork.count, "not yet 18:00 in Tokyo")
            #expect(try await sentAfter("2026-09-22T09:01:00Z") == Set(addressOf.values), "18:00 in Tokyo")
            #expect(transport.emails.count == addressOf.count, "each once")
            #expect(transport.emails.allSatisfy { $0.subject == "Hi" }, "B changes only the time")
            #expect(try await services.campaigns.find(id: campaign.id, as: actor).status == .sent)
        }
    }
}
