/// Whether two conversion rates differ: the two-proportion z-test an A/B/n report runs on a
/// variant against the control or the holdout (successes out of trials in each: clicks,
/// orders, out of recipients).
///
/// z uses the pooled standard error, since "the rates are equal" is the hypothesis under test;
/// the interval for the difference uses the unpooled (Wald) one, since it describes the rates
/// as they were seen. Both rest on the normal approximation, fair when each group has at least
/// about ten successes and ten failures.
///
/// Several comparisons: an A/B/n report of n groups, the control among them, compares each
/// other group with the control, n − 1 tests, and the chance that at least one of them looks
/// significant by luck grows with each (a control and four variants at alpha 0.05: about
/// 1 − 0.95⁴ ≈ 19 %, not 5 %). Bonferroni's correction holds the whole report to alpha by testing
/// each comparison at alpha / (n − 1): `isSignificant(at: 0.05, comparisons: groups - 1)`. It is
/// conservative (a real difference needs more data to show) and simple to explain.
public struct TwoProportionTest: Sendable, Equatable {
    /// Successes in group A (clicks, orders).
    public let successesA: Int
    /// Trials in group A (recipients).
    public let trialsA: Int
    /// Successes in group B.
    public let successesB: Int
    /// Trials in group B.
    public let trialsB: Int

    /// Nil unless both groups have at least one trial and 0 ≤ successes ≤ trials in each.
    public init?(successesA: Int, trialsA: Int, successesB: Int, trialsB: Int) {
        guard trialsA > 0, trialsB > 0, (0...trialsA).contains(successesA), (0...trialsB).contains(successesB) else { return nil }
        self.successesA = successesA
        self.trialsA = trialsA
        self.successesB = successesB
        self.trialsB = trialsB
    }

    /// successesA / trialsA.
    public var rateA: Double { Double(successesA) / Double(trialsA) }
    /// successesB / trialsB.
    public var rateB: Double { Double(successesB) / Double(trialsB) }

    /// rateA − rateB.
    public var difference: Double { rateA - rateB }

    /// (p̂A − p̂B) / √(p̂(1 − p̂)(1/nA + 1/nB)), p̂ the pooled rate (successes of both over trials
    /// of both). When p̂ is 0 or 1, every trial in both groups ended the same way: nothing differs
    /// and there is no spread to measure against, so z is 0 (and the p-value 1).
    public var zScore: Double {
        let pooled = Double(successesA + successesB) / Double(trialsA + trialsB)
        let variance = pooled * (1 - pooled) * (1 / Double(trialsA) + 1 / Double(trialsB))
        guard variance > 0 else { return 0 }
        return difference / variance.squareRoot()
    }

    /// The two-sided p-value of `zScore`.
    public var pValue: Double { StandardNormal.twoSidedPValue(zScore) }

    /// Whether the rates differ at significance level `alpha` (0.05 for 95 %) when this is one
    /// of `comparisons` tests of one report: p < alpha / comparisons (Bonferroni; see the type's
    /// notes). An A/B/n report passes its number of groups other than the control; a single
    /// comparison, the default, is p < alpha. Fewer than one comparison counts as one.
    public func isSignificant(at alpha: Double, comparisons: Int = 1) -> Bool {
        pValue < alpha / Double(max(1, comparisons))
    }

    /// The interval for rateA − rateB at `confidence` (0.95 for 95 %):
    /// difference ± z · √(p̂A(1 − p̂A)/nA + p̂B(1 − p̂B)/nB). Nil unless the confidence is strictly
    /// between 0 and 1. A group whose rate is 0 or 1 adds no width, so when both are, the
    /// interval has none: report it with the counts.
    public func differenceInterval(confidence: Double) -> ConfidenceInterval? {
        let variance = rateA * (1 - rateA) / Double(trialsA) + rateB * (1 - rateB) / Double(trialsB)
        return ConfidenceInterval(estimate: difference, standardError: variance.squareRoot(), confidence: confidence)
    }
}
