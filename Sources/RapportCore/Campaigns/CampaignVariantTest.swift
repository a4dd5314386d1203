import RapportLearning

/// One variant against another under the test's metric: the difference of their values, its
/// z-score and two-sided p-value, and the interval at a confidence. Rates go by the
/// two-proportion z-test; revenue per recipient by Welch's test (normal approximation), since
/// most recipients spend nothing and the groups spread differently.
public struct CampaignVariantTest: Sendable, Equatable {
    public let difference: Double
    public let zScore: Double
    public let pValue: Double
    public let interval: ConfidenceInterval?

    /// `a` against `b`; nil when either reached nobody (or, for revenue, fewer than two).
    public init?(_ a: CampaignVariantOutcome, against b: CampaignVariantOutcome, confidence: Double) {
        if let revenueA = a.revenue, let revenueB = b.revenue {
            guard let interval = MeanDifferenceInterval.welch(revenueA, minus: revenueB, confidence: confidence) else { return nil }
            difference = interval.estimate
            zScore = interval.standardError > 0 ? interval.estimate / interval.standardError : 0
            pValue = StandardNormal.twoSidedPValue(zScore)
            self.interval = interval
        } else {
            guard let test = TwoProportionTest(successesA: a.successes, trialsA: a.members, successesB: b.successes, trialsB: b.members) else { return nil }
            difference = test.difference
            zScore = test.zScore
            pValue = test.pValue
            interval = test.differenceInterval(confidence: confidence)
        }
    }

    /// p < alpha / comparisons (Bonferroni over the report's comparisons).
    public func isSignificant(at alpha: Double, comparisons: Int = 1) -> Bool {
        pValue < alpha / Double(max(1, comparisons))
    }
}
