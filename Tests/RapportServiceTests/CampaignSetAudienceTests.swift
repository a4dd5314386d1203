import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The set-based audience resolution against the rule it stands for: every member's send must
/// be what `CampaignRecipientRule.decide` (and the test's draw) answers for that member's own
/// facts, read one by one the way the check before each batch reads them.
@Suite("Campaign audience, set-based, against the per-member rule")
struct CampaignSetAudienceTests {
    @Test("a mixed audience over two segments, in stretches of 7, with exclusions, suppressions, every consent answer, preferences, three cap windows, a holdout and an A/B test", arguments: TestDatabase.available)
    func matchesTheRule(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, transport) = try await CampaignAudienceTests.world(store)
            let workspaceID = services.workspaceID
            var customers: [String] = []
            for index in 0..<240 {
                // Every seventh has a phone number only: no address for e-mail.
                let identity = index % 7 == 0 ? IdentityInput(kind: "phone", value: "+62812000\(1000 + index)") : IdentityInput(kind: "email", value: "m\(index)@example.com")
                let id = try await services.customers.upsert(CustomerInput(identities: [identity]), as: actor).customer.id
                // No answer, granted, denied, withdrawn, or a grant that runs out before the campaign.
                let expires = services.clock.now().addingTimeInterval(2 * 86_400)
                let status = [nil, "granted", "denied", "withdrawn", "granted", "granted", "granted", "granted", "granted", "granted"][index % 10]
                if let status {
                    _ = try await services.consents.record(
                        ConsentInput(purpose: "marketing", channel: "email", status: status, source: "form", expiresAt: index % 10 == 4 ? expires : nil),
                        customerID: id, witness: ConsentWitness(), as: actor)
                }
                let frequency: ContactFrequency? = [1: .weekly, 2: .monthly, 3: .any][index % 6]
                if let frequency {
                    let pausedUntil = index % 12 == 3 ? services.clock.now().addingTimeInterval(30 * 86_400) : nil
                    try await store.write { session in
                        try await session.preferences.save(
                            ContactPreferences(customerID: id, workspaceID: workspaceID, frequency: frequency, pausedUntil: pausedUntil, updatedAt: services.clock.now()))
                    }
                }
                if index % 11 == 4 {
                    let suppression = Suppression(
                        workspaceID: workspaceID, channel: .email, address: " M\(index)@Example.com", reason: index % 2 == 0 ? .hardBounce : .complaint,
                        source: "test", createdAt: services.clock.now())
                    try await store.write { session in try await session.suppressions.suppress(suppression) }
                }
                customers.append(id)
            }
            let sender = CampaignDispatcher(
                campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: CampaignAudienceTests.Links(), batchSize: 100,
                audienceStretch: 7)
            func list(_ name: String, _ keep: (Int) -> Bool) async throws -> String {
                let segment = try await services.segments.create(SegmentDraft(name: name, kind: .list), as: actor)
                _ = try await services.segments.addToList(id: segment.id, customerIDs: customers.indices.filter(keep).map { customers[$0] }, as: actor)
                return segment.id
            }
            func send(_ definition: String) async throws -> Campaign {
                let campaign = try await services.campaigns.create(
                    CampaignDraft(name: "C \(UUID().uuidString.prefix(6))", channel: .email, inboxID: inbox.id, definition: try JSONParser.parse(Array(definition.utf8))),
                    as: actor)
                _ = try await services.campaigns.send(id: campaign.id, as: actor)
                while try await services.campaigns.find(id: campaign.id, as: actor).status == .sending { _ = try await sender.runDue() }
                return campaign
            }
            // Earlier campaigns: one twelve days before (outside 7 and 10 days, inside 30), two
            // four days before, to some of the same people.
            let earlier = try await list("Earlier", { $0 % 3 == 0 })
            let recent = try await list("Recent", { $0 % 8 == 0 })
            let plain = #"{"frequency_cap":{"messages":9,"days":30},"holdout_share":0,"content":{"en":{"subject":"Hi","body":"News"}},"audience":{"segment_ids":["#
            _ = try await send(plain + #""\#(earlier)"]}}"#)
            services.clock.advance(by: 8 * 86_400)
            _ = try await send(plain + #""\#(recent)"]}}"#)
            _ = try await send(plain + #""\#(recent)"]}}"#)
            services.clock.advance(by: 4 * 86_400)

            let first = try await list("Evens", { $0 % 2 == 0 })
            let second = try await list("Thirds", { $0 % 3 == 0 })
            let excluded = try await list("Staff", { $0 % 9 == 2 })
            try await services.customers.delete(id: customers[6], as: actor)
            let campaign = try await services.campaigns.create(
                CampaignDraft(
                    name: "Under test", channel: .email, inboxID: inbox.id,
                    definition: try JSONParser.parse(Array("""
                        {"audience":{"segment_ids":["\(first)","\(second)"],"exclusion_segment_ids":["\(excluded)"]},"holdout_share":0.3,
                         "frequency_cap":{"messages":2,"days":10},"content":{"en":{"subject":"Hi A","body":"News"}},
                         "experiment":{"variants":[{"name":"B","content":{"en":{"subject":"Hi B"}}},{"name":"C","content":{"en":{"subject":"Hi C"}}}],
                                       "test_share":0.5,"wait_hours":1,"metric":"click_rate"}}
                        """.utf8))),
                as: actor)
            let sending = try await services.campaigns.send(id: campaign.id, as: actor)
            let now = services.clock.now()
            let written = try await sender.resolveAudience(of: sending)

            let members = customers.indices.filter { ($0 % 2 == 0 || $0 % 3 == 0) && $0 != 6 }.map { customers[$0] }
            #expect(written == members.count, "each live member once, though both segments hold some")
            var log: [CampaignSend] = []
            while log.count < members.count + 1 {
                let after = log.last?.id
                let page = try await store.read { session in
                    try await session.campaigns.sends(campaignID: campaign.id, workspaceID: workspaceID, page: try PageRequest(limit: 100, startingAfter: after)).items
                }
                if page.isEmpty { break }
                log += page
            }
            let sends = Dictionary(log.map { ($0.customerID, $0) }, uniquingKeysWith: { first, _ in first })
            #expect(Set(sends.keys) == Set(members))
            #expect(log.allSatisfy { ResourceID.isValid($0.id, prefix: .campaignSend) }, "ids of the usual shape")

            let facts = try await store.read { session in
                try await session.campaigns.recipientFacts(sending, customerIDs: members, sentSince: now.addingTimeInterval(-30 * 86_400))
            }
            let suppressed = try await store.read { session in
                try await session.suppressions.reasons(channel: .email, addresses: facts.compactMap(\.address), workspaceID: workspaceID)
            }
            let experiment = try #require(sending.definition.experiment)
            var seen: Set<String> = []
            for fact in facts {
                let send = try #require(sends[fact.customerID])
                let decision = CampaignRecipientRule.decide(
                    fact, channel: .email, suppressed: fact.address.flatMap { suppressed[$0] } ?? [], cap: sending.definition.frequencyCap, holdoutShare: 0.3,
                    campaignID: sending.id, now: now)
                let variant = decision == .send ? experiment.variant(customerID: fact.customerID, campaignID: sending.id) : nil
                let expected: (CampaignSendStatus, CampaignSkipReason?) = switch decision {
                case .send: (variant == nil ? .waiting : .queued, nil)
                case .holdOut: (.heldOut, nil)
                case .skip(let reason): (.skipped, reason)
                }
                #expect(send.status == expected.0 && send.skipReason == expected.1 && send.variant == variant, "\(fact) → \(send)")
                #expect(send.address == fact.address, "the same address as the check before each batch reads")
                seen.insert(send.status.rawValue + (send.skipReason?.rawValue ?? "") + (send.variant ?? ""))
            }
            // The mix reaches every branch, so the comparison above means something.
            let reasons = Set(log.compactMap(\.skipReason))
            #expect(reasons == [.excluded, .noAddress, .suppressed, .noConsent, .paused, .frequencyCap], "\(reasons)")
            #expect(log.contains { $0.status == .heldOut } && log.contains { $0.status == .waiting })
            // About a dozen members may receive it and half of them are drawn into the test, by
            // the campaign's random id: some in the test is the branch that matters here (none:
            // about 1 run in 4,000); each one's variant is compared with Core's above, and the
            // split among variants is Core's own test (CampaignExperiment.variantBounds).
            let tested = log.compactMap(\.variant)
            #expect(!tested.isEmpty, "\(tested): \(seen)")
        }
    }
}
