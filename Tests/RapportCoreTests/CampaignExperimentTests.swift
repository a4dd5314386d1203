import Foundation
import RapportCore
import RapportLearning
import Testing

/// A/B/n tests without a database: the definition read and checked, the fixed draw into the
/// test and its variants, the variants' content, and when a winner is declared.
@Suite("Campaign A/B/n tests")
struct CampaignExperimentTests {
    static func parse(_ experiment: String) throws -> CampaignDefinition {
        try CampaignDefinitionParser.parse(
            try JSONParser.parse(Array("""
                {"audience":{"segment_ids":["seg_01M85Z2TNC7PDQD87Z64YXE4SS"]},"content":{"en":{"subject":"Hello","body":"Body"}},
                 "experiment":\(experiment)}
                """.utf8)), channel: .email)
    }

    @Test("an experiment is read with its defaults; a bad part is named")
    func parsing() throws {
        let definition = try Self.parse(#"{"variants":[{"name":"B","content":{"en":{"subject":"Hi there"}}}]}"#)
        let experiment = try #require(definition.experiment)
        #expect(experiment.names == ["A", "B"] && experiment.testShare == 0.2 && experiment.metric == .clickRate && experiment.waitHours == 4)
        #expect(experiment.content(definition.content["en"]!, variant: "B", locale: "en") == CampaignContent(subject: "Hi there", body: "Body"))
        #expect(experiment.content(definition.content["en"]!, variant: "A", locale: "en") == definition.content["en"]!)
        let again = try CampaignDefinitionParser.parse(definition.json, channel: .email)
        #expect(again.experiment == experiment, "what the API writes reads back the same")
        for (bad, field) in [
            (#"{"variants":[{"name":"A","content":{"en":{"subject":"x"}}}]}"#, "definition.experiment.variants[0].name"),
            (#"{"variants":[{"name":"B","content":{"id":{"subject":"x"}}}]}"#, "definition.experiment.variants[0].content.id"),
            (#"{"variants":[{"name":"B","content":{"en":{"subject":""}}}]}"#, "definition.experiment.variants[0].content.en.subject"),
            (#"{"variants":[{"name":"B","content":{"en":{"subject":"x"}}}],"test_share":0}"#, "definition.experiment.test_share"),
            (#"{"variants":[{"name":"B","content":{"en":{"subject":"x"}}}],"metric":"revenue"}"#, "definition.experiment.metric"),
            (#"{"variants":[]}"#, "definition.experiment.variants"),
            (#"{"variants":[{"name":"B","content":{"en":{"subject":null}}}]}"#, "definition.experiment.variants[0].content.en"),
        ] {
            do {
                _ = try Self.parse(bad)
                Issue.record("\(bad) was accepted")
            } catch let RapportError.invalid(problems) {
                #expect(problems.first?.field == field, "\(problems)")
            } catch {
                Issue.record("\(bad): \(error)")
            }
        }
    }

    @Test("the draw puts the test share in the test, split evenly among the variants, apart from the holdout's draw")
    func draw() throws {
        let experiment = try #require(try Self.parse(#"{"variants":[{"name":"B","content":{"en":{"subject":"b"}}},{"name":"C","content":{"en":{"subject":"c"}}}],"test_share":0.3}"#).experiment)
        var counts: [String: Int] = [:]
        var heldOutAndTested = 0
        for n in 0..<30_000 {
            let customer = "cus_\(n)"
            let variant = experiment.variant(customerID: customer, campaignID: "cmp_1") ?? "waiting"
            counts[variant, default: 0] += 1
            if variant != "waiting", CampaignRecipientRule.isHeldOut(customerID: customer, campaignID: "cmp_1", share: 0.5) { heldOutAndTested += 1 }
        }
        #expect(abs(Double(counts["waiting"] ?? 0) / 30_000 - 0.7) < 0.015, "\(counts)")
        for name in ["A", "B", "C"] { #expect(abs(Double(counts[name] ?? 0) / 30_000 - 0.1) < 0.01, "\(counts)") }
        #expect(abs(Double(heldOutAndTested) / 9_000 - 0.5) < 0.03, "the two draws are independent: \(heldOutAndTested)")
    }

    @Test("a winner only when the best beats every other variant at the confidence, Bonferroni-corrected")
    func winner() throws {
        let experiment = try #require(try Self.parse(#"{"variants":[{"name":"B","content":{"en":{"subject":"b"}}}]}"#).experiment)
        #expect(experiment.winner(of: [CampaignVariantOutcome(name: "A", members: 1_000, successes: 50), .init(name: "B", members: 1_000, successes: 90)]) == "B")
        #expect(experiment.winner(of: [CampaignVariantOutcome(name: "A", members: 5_000, successes: 527), .init(name: "B", members: 5_000, successes: 486)]) == nil,
                "527/5000 against 486/5000: p = 0.174, no winner")
        #expect(experiment.winner(of: [CampaignVariantOutcome(name: "A", members: 0, successes: 0), .init(name: "B", members: 0, successes: 0)]) == nil)
        #expect(experiment.winner(of: [CampaignVariantOutcome(name: "A", members: 100, successes: 5), .init(name: "B", members: 100, successes: 5)]) == nil, "a tie")
        let three = try #require(try Self.parse(#"{"variants":[{"name":"B","content":{"en":{"subject":"b"}}},{"name":"C","content":{"en":{"subject":"c"}}}]}"#).experiment)
        // B beats A clearly but C only at p = 0.037, which is below 0.05 but not below 0.05 / 2.
        let close = [CampaignVariantOutcome(name: "A", members: 2_000, successes: 100), .init(name: "B", members: 2_000, successes: 180), .init(name: "C", members: 2_000, successes: 144)]
        #expect(three.winner(of: close) == nil)
        #expect(three.winner(of: [close[0], close[1], CampaignVariantOutcome(name: "C", members: 2_000, successes: 110)]) == "B")
        #expect(three.winner(of: [close[0], close[1], CampaignVariantOutcome(name: "C", members: 0, successes: 0)]) == "B", "a variant no one got is left out")
    }

    @Test("by revenue per recipient, Welch's test decides: a clear difference wins, a noisy one of the same size does not")
    func revenueWinner() throws {
        let experiment = try #require(try Self.parse(#"{"variants":[{"name":"B","content":{"en":{"subject":"b"}}}],"metric":"revenue_per_recipient"}"#).experiment)
        #expect(experiment.metric == .revenuePerRecipient)
        func outcome(_ name: String, _ values: [Double]) -> CampaignVariantOutcome {
            CampaignVariantOutcome(
                name: name, members: values.count, successes: values.filter { $0 > 0 }.count, revenue: SampleSummary(values), currency: "EUR")
        }
        // 400 each: A's 10% spend 10.00, B's 20% spend 10.00 (means 100 against 200 minor units).
        let a = outcome("A", Array(repeating: 1_000, count: 40) + Array(repeating: 0, count: 360))
        let b = outcome("B", Array(repeating: 1_000, count: 80) + Array(repeating: 0, count: 320))
        #expect(experiment.winner(of: [a, b]) == "B")
        let test = try #require(CampaignVariantTest(b, against: a, confidence: 0.95))
        #expect(abs(test.difference - 100) < 1e-9 && test.pValue < 0.001 && (test.interval?.lower ?? 0) > 0)
        // The same means from 20 recipients each: too few to tell.
        let fewA = outcome("A", Array(repeating: 1_000, count: 2) + Array(repeating: 0, count: 18))
        let fewB = outcome("B", Array(repeating: 1_000, count: 4) + Array(repeating: 0, count: 16))
        #expect(experiment.winner(of: [fewA, fewB]) == nil)
    }
}
