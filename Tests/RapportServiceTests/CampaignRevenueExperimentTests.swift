import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// An A/B test decided by revenue per recipient on both engines: the orders each variant's
/// recipients placed after the draw, in the cost's currency, compared by Welch's test.
@Suite("Campaign A/B tests by revenue per recipient")
struct CampaignRevenueExperimentTests {
    @Test("B's recipients spend, A's hardly: B wins on revenue per recipient and the rest get it; the report gives each variant's mean", arguments: TestDatabase.available)
    func revenueWinner(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, transport) = try await CampaignAudienceTests.world(store)
            var customers: [String: String] = [:]
            for index in 0..<60 {
                let address = "r\(index)@example.com"
                customers[address] = try await CampaignAudienceTests.customer(services, address, consent: "granted", actor: actor)
            }
            let list = try await services.segments.create(SegmentDraft(name: "Buyers", kind: .list), as: actor)
            _ = try await services.segments.addToList(id: list.id, customerIDs: Array(customers.values), as: actor)
            let campaign = try await services.campaigns.create(
                CampaignDraft(
                    name: "Revenue test", channel: .email, inboxID: inbox.id,
                    definition: try JSONParser.parse(Array("""
                        {"audience":{"segment_ids":["\(list.id)"]},"holdout_share":0,"frequency_cap":{"messages":10,"days":7},
                         "cost_per_message":{"amount":0.001,"currency":"EUR"},"content":{"en":{"subject":"Hi A","body":"News"}},
                         "experiment":{"variants":[{"name":"B","content":{"en":{"subject":"Hi B"}}}],"test_share":0.5,"wait_hours":1,
                                       "metric":"revenue_per_recipient"}}
                        """.utf8))),
                as: actor)
            _ = try await services.campaigns.send(id: campaign.id, as: actor)
            let sender = CampaignDispatcher(
                campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: CampaignAudienceTests.Links(), batchSize: 100)
            _ = try await sender.runDue()
            let tested = transport.emails
            #expect(tested.count > 4 && tested.count < 60, "half the audience is in the test: \(tested.count)")

            // Every B recipient spends 50.00 EUR; one A recipient spends 1.00 EUR; a USD order counts for nothing.
            services.clock.advance(by: 600)
            var orders: [OrderInput] = []
            for (index, email) in tested.enumerated() {
                let customerID = try #require(customers[email.address])
                if email.subject == "Hi B" {
                    orders.append(OrderInput(
                        customerID: customerID, number: "B\(index)", status: .paid, currency: "EUR",
                        lines: [OrderLineInput(title: "Quill", quantity: 1, unitPrice: 5_000)], placedAt: services.clock.now()))
                } else if orders.allSatisfy({ !$0.number.hasPrefix("A") }) {
                    orders.append(OrderInput(
                        customerID: customerID, number: "A\(index)", status: .paid, currency: "EUR",
                        lines: [OrderLineInput(title: "Ink", quantity: 1, unitPrice: 100)], placedAt: services.clock.now()))
                    orders.append(OrderInput(
                        customerID: customerID, number: "U\(index)", status: .paid, currency: "USD",
                        lines: [OrderLineInput(title: "Ink", quantity: 1, unitPrice: 900_000)], placedAt: services.clock.now()))
                }
            }
            _ = try await services.commerce.upsertOrders(orders, as: actor)

            services.clock.advance(by: 3_600)
            for _ in 0..<5 { _ = try await sender.runDue() }
            let done = try await services.campaigns.find(id: campaign.id, as: actor)
            #expect(done.winnerVariant == "B" && done.status == .sent, "\(done.status) \(done.statusReason ?? "")")
            let rest = transport.emails.dropFirst(tested.count)
            #expect(rest.count == 60 - tested.count && rest.allSatisfy { $0.subject == "Hi B" }, "the rest got the winner")

            let report = try await services.campaigns.report(id: campaign.id, as: actor)
            let byName = Dictionary(uniqueKeysWithValues: report.variants.map { ($0.name, $0) })
            let b = try #require(byName["B"])
            let a = try #require(byName["A"])
            #expect(b.currency == "EUR" && b.revenue?.mean == 5_000 && b.successes == b.members, "every B recipient spent 50.00 EUR")
            #expect(a.revenue?.sum == 100 && a.successes == 1, "the USD order is not counted in EUR")
            let test = try #require(CampaignVariantTest(b, against: a, confidence: 0.95))
            #expect(test.isSignificant(at: 0.05) && (test.interval?.lower ?? 0) > 0)
        }
    }
}
