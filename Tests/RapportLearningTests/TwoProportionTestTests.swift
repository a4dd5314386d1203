import Foundation
import RapportLearning
import Testing

/// The z-test, its interval and the normal quantile, against the published vector and
/// against values computed independently in Python 3.11: `statistics.NormalDist().inv_cdf` (Wichura's
/// AS 241) for quantiles, `math.erfc` for p-values, and the textbook formulas written out by hand
/// (pooled p̂ = (xA + xB)/(nA + nB), SE = √(p̂(1 − p̂)(1/nA + 1/nB)); Wald SE = √(Σ p̂(1 − p̂)/n)).
@Suite("Two-proportion z-test")
struct TwoProportionTestTests {
    static func close(_ value: Double, _ expected: Double, within tolerance: Double = 1e-12) -> Bool {
        abs(value - expected) <= tolerance * max(1, abs(expected))
    }

    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow(10.0, Double(places))
        return (value * scale).rounded() / scale
    }

    @Test("486/5000 against 527/5000 gives z = −1.359 and p = 0.174, the issue's published vector")
    func publishedVector() throws {
        let test = try #require(TwoProportionTest(successesA: 486, trialsA: 5000, successesB: 527, trialsB: 5000))
        #expect(Self.rounded(test.zScore, places: 3) == -1.359)
        #expect(Self.rounded(test.pValue, places: 3) == 0.174)
        #expect(Self.close(test.zScore, -1.3588507649479744))
        #expect(Self.close(test.pValue, 0.17419388311717393))
        #expect(Self.close(test.rateA, 0.0972) && Self.close(test.rateB, 0.1054))
        #expect(Self.close(test.difference, -0.0082))
        #expect(!test.isSignificant(at: 0.05))
        #expect(test.isSignificant(at: 0.2))
    }

    @Test("the published vector's 95 % interval is −0.0082 ± 1.959964 × 0.006034 and holds zero; at 99 % it is wider")
    func publishedInterval() throws {
        let test = try #require(TwoProportionTest(successesA: 486, trialsA: 5000, successesB: 527, trialsB: 5000))
        let interval = try #require(test.differenceInterval(confidence: 0.95))
        #expect(Self.close(interval.standardError, 0.006033953927566898))
        #expect(Self.close(interval.lower, -0.020026332382405122))
        #expect(Self.close(interval.upper, 0.0036263323824051244))
        #expect(Self.close(interval.estimate, test.difference))
        #expect(interval.confidence == 0.95)
        #expect(!interval.excludesZero)
        let wider = try #require(test.differenceInterval(confidence: 0.99))
        #expect(Self.close(wider.lower, -0.02374243534289079))
        #expect(Self.close(wider.upper, 0.0073424353428907935))
    }

    @Test("200/1000 against 150/1000: z = 2.942, p = 0.0033, significant at 1 %, and the interval leaves zero out")
    func clearDifference() throws {
        let test = try #require(TwoProportionTest(successesA: 200, trialsA: 1000, successesB: 150, trialsB: 1000))
        #expect(Self.close(test.zScore, 2.9424494316825))
        #expect(Self.close(test.pValue, 0.0032562696284120633))
        #expect(test.isSignificant(at: 0.01))
        let interval = try #require(test.differenceInterval(confidence: 0.95))
        #expect(Self.close(interval.lower, 0.016767193754520827))
        #expect(Self.close(interval.upper, 0.08323280624547921))
        #expect(interval.excludesZero)
    }

    @Test("45/300 against 30/310 (unequal groups): p = 0.0454, significant at 5 % but not at 4 % or 1 %")
    func nearTheLine() throws {
        let test = try #require(TwoProportionTest(successesA: 45, trialsA: 300, successesB: 30, trialsB: 310))
        #expect(Self.close(test.zScore, 2.0013411240577503))
        #expect(Self.close(test.pValue, 0.04535564081575665))
        #expect(test.isSignificant(at: 0.05))
        #expect(!test.isSignificant(at: 0.04))
        #expect(!test.isSignificant(at: 0.01))
        let interval = try #require(test.differenceInterval(confidence: 0.95))
        #expect(Self.close(interval.lower, 0.00111271361918229))
        #expect(Self.close(interval.upper, 0.10533889928404351))
    }

    @Test("with several comparisons each is held to alpha / comparisons (Bonferroni): p = 0.0454 passes alone, not as one of two")
    func severalComparisons() throws {
        let nearTheLine = try #require(TwoProportionTest(successesA: 45, trialsA: 300, successesB: 30, trialsB: 310))
        #expect(nearTheLine.isSignificant(at: 0.05, comparisons: 1))
        #expect(nearTheLine.isSignificant(at: 0.05) == nearTheLine.isSignificant(at: 0.05, comparisons: 1))
        #expect(!nearTheLine.isSignificant(at: 0.05, comparisons: 2), "0.0454 is not below 0.025")
        // p = 0.003256: below 0.01 / 3 = 0.003333, not below 0.01 / 4 = 0.0025.
        let clear = try #require(TwoProportionTest(successesA: 200, trialsA: 1000, successesB: 150, trialsB: 1000))
        #expect(clear.isSignificant(at: 0.01, comparisons: 3))
        #expect(!clear.isSignificant(at: 0.01, comparisons: 4))
        // No comparison or a negative count is read as one, never as a looser threshold.
        #expect(nearTheLine.isSignificant(at: 0.05, comparisons: 0) && !nearTheLine.isSignificant(at: 0.04, comparisons: -3))
    }

    @Test("swapping the groups negates z and the interval and keeps the p-value")
    func symmetric() throws {
        let forward = try #require(TwoProportionTest(successesA: 45, trialsA: 300, successesB: 30, trialsB: 310))
        let backward = try #require(TwoProportionTest(successesA: 30, trialsA: 310, successesB: 45, trialsB: 300))
        #expect(Self.close(backward.zScore, -forward.zScore))
        #expect(Self.close(backward.pValue, forward.pValue))
        let there = try #require(forward.differenceInterval(confidence: 0.9))
        let back = try #require(backward.differenceInterval(confidence: 0.9))
        #expect(Self.close(back.lower, -there.upper) && Self.close(back.upper, -there.lower))
    }

    @Test("no trials, negative successes or more successes than trials make no test")
    func invalidCounts() {
        #expect(TwoProportionTest(successesA: 0, trialsA: 0, successesB: 1, trialsB: 10) == nil)
        #expect(TwoProportionTest(successesA: 1, trialsA: 10, successesB: 0, trialsB: 0) == nil)
        #expect(TwoProportionTest(successesA: -1, trialsA: 10, successesB: 1, trialsB: 10) == nil)
        #expect(TwoProportionTest(successesA: 11, trialsA: 10, successesB: 1, trialsB: 10) == nil)
        #expect(TwoProportionTest(successesA: 1, trialsA: 10, successesB: 11, trialsB: 10) == nil)
        #expect(TwoProportionTest(successesA: 1, trialsA: -5, successesB: 1, trialsB: 10) == nil)
        #expect(TwoProportionTest(successesA: 0, trialsA: 1, successesB: 1, trialsB: 1) != nil)
    }

    @Test("when every trial ended the same way in both groups, z is 0, p is 1 and nothing is significant")
    func noSpread() throws {
        for (successesA, trialsA, successesB, trialsB) in [(0, 100, 0, 250), (100, 100, 40, 40)] {
            let test = try #require(TwoProportionTest(successesA: successesA, trialsA: trialsA, successesB: successesB, trialsB: trialsB))
            #expect(test.zScore == 0)
            #expect(test.pValue == 1)
            #expect(!test.isSignificant(at: 0.05))
            #expect(!test.isSignificant(at: 1))
            let interval = try #require(test.differenceInterval(confidence: 0.95))
            #expect(interval.lower == 0 && interval.upper == 0 && !interval.excludesZero)
        }
    }

    @Test("0/100 against 100/100 is overwhelming by z, and its Wald interval has no width")
    func oppositeCertainties() throws {
        let test = try #require(TwoProportionTest(successesA: 0, trialsA: 100, successesB: 100, trialsB: 100))
        // Pooled p̂ = 0.5: SE = √(0.25 · 0.02) = 0.0707…, z = −1 / 0.0707… = −14.142…
        #expect(Self.close(test.zScore, -(50.0).squareRoot() * 2))
        #expect(test.pValue < 1e-40)
        #expect(test.isSignificant(at: 0.001))
        let interval = try #require(test.differenceInterval(confidence: 0.95))
        #expect(interval.lower == -1 && interval.upper == -1)
        #expect(interval.excludesZero)
    }

    @Test("a confidence level outside (0, 1) gives no interval")
    func confidenceOutOfRange() throws {
        let test = try #require(TwoProportionTest(successesA: 486, trialsA: 5000, successesB: 527, trialsB: 5000))
        for confidence in [0, 1, 1.5, -0.2, 95, Double.nan] {
            #expect(test.differenceInterval(confidence: confidence) == nil, "confidence \(confidence)")
        }
    }

    @Test("the normal quantile at 0.975 is 1.959964, and matches AS 241 from the middle to the far tails")
    func quantile() {
        #expect(Self.rounded(StandardNormal.quantile(0.975), places: 6) == 1.959964)
        #expect(Self.close(StandardNormal.quantile(0.975), 1.959963984540054, within: 1e-14))
        #expect(StandardNormal.quantile(0.5) == 0)
        let expected: [(Double, Double)] = [
            (0.995, 2.5758293035489), (0.3, -0.5244005127080407), (0.01, -2.3263478740408408),
            // Either side of 0.02425, where the approximation changes from the tail to the middle.
            (0.02425, -1.9729610513118845), (0.97575, 1.9729610513118847),
            (1e-10, -6.361340902404056), (0.999999, 4.753424308817089), (1e-300, -37.0470962993612),
        ]
        for (p, x) in expected {
            #expect(Self.close(StandardNormal.quantile(p), x, within: 1e-13), "p = \(p)")
        }
    }

    @Test("the quantile inverts the distribution function and is symmetric about ½")
    func quantileInvertsCDF() {
        for step in 1..<1000 {
            let p = Double(step) / 1000
            #expect(Self.close(StandardNormal.cdf(StandardNormal.quantile(p)), p, within: 1e-13), "p = \(p)")
            #expect(Self.close(StandardNormal.quantile(p), -StandardNormal.quantile(1 - p), within: 1e-12), "p = \(p)")
        }
    }

    @Test("the quantile is −∞ at 0, +∞ at 1 and not a number outside [0, 1]")
    func quantileEdges() {
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
        #expect(StandardNormal.quantile(1.5).isNaN)
        #expect(StandardNormal.quantile(-0.1).isNaN)
        #expect(StandardNormal.quantile(.nan).isNaN)
    }

    @Test("the distribution function and the two-sided p-value agree at the 95 % point")
    func distribution() {
        #expect(StandardNormal.cdf(0) == 0.5)
        #expect(Self.close(StandardNormal.cdf(1.959963984540054), 0.975, within: 1e-15))
        #expect(Self.close(StandardNormal.twoSidedPValue(1.959963984540054), 0.05, within: 1e-15))
        #expect(StandardNormal.twoSidedPValue(-1.959963984540054) == StandardNormal.twoSidedPValue(1.959963984540054))
        #expect(StandardNormal.twoSidedPValue(0) == 1)
    }
}
