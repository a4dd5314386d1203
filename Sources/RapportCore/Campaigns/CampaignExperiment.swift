import Foundation
import RapportLearning

/// An A/B/n test of a campaign: a share of the audience (`testShare`) gets one of the variants
/// at random, the campaign's own content being `A`; `waitHours` after the audience is resolved
/// (and once every test message went), the variant with the best `metric` is sent to the rest
/// of the audience, but only when it beats every other variant at `confidence`
/// (`CampaignVariantTest`: the two-proportion z-test for rates, Welch's for revenue per
/// recipient), Bonferroni-corrected for the comparisons. Otherwise the campaign pauses and a
/// manager chooses.
public struct CampaignExperiment: Sendable, Equatable {
    public static let controlName = "A"
    public static let maximumVariants = 4
    public static let maximumWaitHours = 168
    /// How the reason of a campaign paused for a manager's choice begins.
    public static let choiceReasonPrefix = "The test found no winner"
    /// Those waiting queued with the winner per round of the sender.
    public static let releasePage = 5_000

    /// Besides `A`: 1 to 4.
    public var variants: [CampaignVariant]
    /// The share of those who may receive it that is in the test, from 0.02 to 1 (everyone:
    /// a pure split, nothing left to send the winner to; always so for a test of send time).
    public var testShare: Double
    public var metric: CampaignExperimentMetric
    public var waitHours: Int
    /// 0.95 for 95 %.
    public var confidence: Double

    public init(variants: [CampaignVariant], testShare: Double, metric: CampaignExperimentMetric, waitHours: Int, confidence: Double) {
        self.variants = variants
        self.testShare = testShare
        self.metric = metric
        self.waitHours = waitHours
        self.confidence = confidence
    }

    /// `A`, then the variants' names.
    public var names: [String] { [Self.controlName] + variants.map(\.name) }

    /// Whether this is a test of send time: a variant goes at its own local time. Such a test
    /// has everyone in it (`testShare` 1; the parser refuses less): the rest would get the
    /// winner whenever the test ended, at whatever hour that is on their clocks, so the report
    /// names the better time for the next campaign instead.
    public var testsSendTime: Bool { Self.testsSendTime(variants) }

    /// Whether any of `variants` goes at its own local time (the rule above, for the parser,
    /// which asks it before the experiment is whole).
    public static func testsSendTime(_ variants: [CampaignVariant]) -> Bool {
        variants.contains { $0.localTime != nil }
    }

    /// Which variant a customer tests, or nil when they wait for the winner: a fixed draw per
    /// campaign and customer, apart from the holdout's.
    public func variant(customerID: String, campaignID: String) -> String? {
        let draw = CampaignRecipientRule.draw(customerID: customerID, campaignID: campaignID + "/test")
        guard draw < testShare else { return nil }
        return variantBounds.first { draw < $0.below }?.name ?? names[names.count - 1]
    }

    /// The test's share cut into equal parts, one per variant in order: a draw below a part's
    /// end (and above the one before) tests that variant; the last takes the rest of the
    /// share. The set-based audience resolution compares with these same numbers in SQL.
    public var variantBounds: [(name: String, below: Double)] {
        let names = self.names
        return names.enumerated().map { index, name in (name, testShare * Double(index + 1) / Double(names.count)) }
    }

    /// The content a variant gets in a locale.
    public func content(_ base: CampaignContent, variant: String?, locale: String) -> CampaignContent {
        guard let variant, let found = variants.first(where: { $0.name == variant }) else { return base }
        return found.applied(to: base, locale: locale)
    }

    /// The winner, when the best variant beats each other one at the confidence (Bonferroni
    /// over the comparisons; two-sided p-values, so stricter than the level for the one
    /// direction that matters); nil when none does yet. Variants no test message reached
    /// are left out of the comparison.
    public func winner(of all: [CampaignVariantOutcome]) -> String? {
        let outcomes = all.filter { $0.members > 0 }
        guard outcomes.count >= 2,
            let best = outcomes.max(by: { ($0.value ?? -1, $1.name) < ($1.value ?? -1, $0.name) }), best.members > 0
        else { return nil }
        let others = outcomes.filter { $0.name != best.name }
        for other in others {
            guard let test = CampaignVariantTest(best, against: other, confidence: confidence),
                test.difference > 0, test.isSignificant(at: 1 - confidence, comparisons: others.count)
            else { return nil }
        }
        return best.name
    }

    public var json: JSONValue {
        .object([
            "variants": .array(variants.map(\.json)), "test_share": .number(testShare), "metric": .string(metric.rawValue),
            "wait_hours": .number(Double(waitHours)), "confidence": .number(confidence),
        ])
    }
}
