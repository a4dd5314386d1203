import RapportLearning
import Testing

/// Welch's interval for a difference of means, from counts, sums and sums of squares (plain, or
/// taken around a reference value). Expected values were computed in Python 3.11 from the raw
/// values with `statistics.mean`, `statistics.variance` and `statistics.NormalDist().inv_cdf`
/// (exact variances with `fractions`), and the t statistic checked with SciPy's
/// `stats.ttest_ind(a, b, equal_var=False)`.
@Suite("Mean difference interval")
struct MeanDifferenceIntervalTests {
    static func close(_ value: Double, _ expected: Double, within tolerance: Double = 1e-9) -> Bool {
        abs(value - expected) <= tolerance * max(1, abs(expected))
    }

    /// The first pair of samples in the examples of Wikipedia's "Welch's t-test" article. SciPy's
    /// `stats.ttest_ind(first, second, equal_var=False)` gives t = −2.455356398286006 on them
    /// (−2.46 to two places, df 24.99, p 0.021).
    static let first: [Double] = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
    static let second: [Double] = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]

    @Test("Wikipedia's Welch example: difference −2.1667, standard error 0.8824, t = −2.46, and the 95 % interval leaves zero out")
    func publishedExample() throws {
        let interval = try #require(
            MeanDifferenceInterval.welch(SampleSummary(Self.first), minus: SampleSummary(Self.second), confidence: 0.95))
        #expect(Self.close(interval.estimate, -2.166666666666668))
        #expect(Self.close(interval.standardError, 0.8824245100137552))
        let t = interval.estimate / interval.standardError
        #expect((t * 100).rounded() / 100 == -2.46)
        #expect(Self.close(t, -2.455356398286006))
        #expect(Self.close(interval.lower, -3.896186925369032))
        #expect(Self.close(interval.upper, -0.4371464079643037))
        #expect(interval.excludesZero)
    }

    @Test("the interval reads the same from the sums SQL would return as from the values")
    func fromSums() throws {
        let summary = SampleSummary(Self.first)
        #expect(summary.count == 15)
        // Taken around the first value, 27.5: Σ(x − 27.5) = 312.3 − 15 × 27.5.
        #expect(summary.reference == 27.5)
        #expect(Self.close(summary.sum, 312.3 - 15 * 27.5))
        #expect(Self.close(summary.mean ?? 0, 20.82))
        let fromValues = try #require(
            MeanDifferenceInterval.welch(summary, minus: SampleSummary(Self.second), confidence: 0.95))
        let fromSQL = try #require(
            MeanDifferenceInterval.welch(
                SampleSummary(count: 15, sum: 312.3, sumOfSquares: 6612.23),
                minus: SampleSummary(count: 15, sum: 344.8, sumOfSquares: 7979.18), confidence: 0.95))
        #expect(Self.close(fromSQL.lower, fromValues.lower) && Self.close(fromSQL.upper, fromValues.upper))
        // The same sums taken around 20 (SUM(x - 20), SUM((x - 20) * (x - 20))) give the same interval.
        let aroundTwenty = try #require(
            MeanDifferenceInterval.welch(
                SampleSummary(count: 15, sum: 12.3, sumOfSquares: 6612.23 - 40 * 312.3 + 15 * 400, around: 20),
                minus: SampleSummary(count: 15, sum: 44.8, sumOfSquares: 7979.18 - 40 * 344.8 + 15 * 400, around: 20), confidence: 0.95))
        #expect(Self.close(aroundTwenty.lower, fromValues.lower) && Self.close(aroundTwenty.upper, fromValues.upper))
    }

    @Test("100,000 values around 10⁷ with a spread of 0.29: sums around a reference give the variance to 1e-9, plain sums are 140 times off")
    func largeValuesSmallSpread() throws {
        // x = 10⁷ + d, d spread evenly over [−0.5, 0.5) by a multiplicative step. Python's
        // `fractions` gives the exact variance of these doubles: 0.08333408333841939.
        let values = (0..<100_000).map { 1e7 + (Double(($0 * 7919) % 1000) / 1000 - 0.5) }
        let exact = 0.08333408333841939
        var sum = 0.0
        var sumOfSquares = 0.0
        for value in values {
            sum += value - 1e7
            sumOfSquares += (value - 1e7) * (value - 1e7)
        }
        let around = try #require(SampleSummary(count: values.count, sum: sum, sumOfSquares: sumOfSquares, around: 1e7).variance)
        #expect(abs(around / exact - 1) < 1e-9)
        let mean = try #require(SampleSummary(count: values.count, sum: sum, sumOfSquares: sumOfSquares, around: 1e7).mean)
        #expect(abs((mean - 1e7) - -0.000499999150633812) < 1e-8)
        let fromValues = try #require(SampleSummary(values).variance)
        #expect(abs(fromValues / exact - 1) < 1e-9)
        // What the plain sums give: the cancellation the reference avoids.
        let plain = try #require(SampleSummary(count: values.count, sum: values.reduce(0, +), sumOfSquares: values.reduce(0) { $0 + $1 * $1 }).variance)
        #expect(abs(plain / exact - 1) > 10)
    }

    @Test("revenue per recipient with most recipients spending nothing: 3.30 against 1.35, an interval that holds zero")
    func revenuePerRecipient() throws {
        let variant = SampleSummary([Double](repeating: 0, count: 95) + [40, 55, 120, 35, 80])
        let control = SampleSummary([Double](repeating: 0, count: 97) + [60, 45, 30])
        #expect(variant == SampleSummary(count: 100, sum: 330, sumOfSquares: 26_650))
        #expect(control == SampleSummary(count: 100, sum: 135, sumOfSquares: 6525))
        let interval = try #require(MeanDifferenceInterval.welch(variant, minus: control, confidence: 0.95))
        #expect(Self.close(interval.estimate, 1.95))
        #expect(Self.close(interval.standardError, 1.7951604413257913))
        #expect(Self.close(interval.lower, -1.5684498114695793))
        #expect(Self.close(interval.upper, 5.468449811469579))
        #expect(!interval.excludesZero)
        let narrower = try #require(MeanDifferenceInterval.welch(variant, minus: control, confidence: 0.9))
        #expect(Self.close(narrower.lower, -1.0027761628745324))
        #expect(Self.close(narrower.upper, 4.902776162874532))
    }

    @Test("mean and sample variance come from the sums; fewer than two values have no variance")
    func summary() {
        let summary = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(summary.mean == 5)
        #expect(Self.close(summary.variance ?? -1, 32.0 / 7))
        #expect(SampleSummary([]).mean == nil)
        #expect(SampleSummary([3]).mean == 3)
        #expect(SampleSummary([3]).variance == nil)
    }

    @Test("identical values give variance 0 exactly, also when the plain sums round below zero")
    func noSpread() throws {
        let values = [Double](repeating: 0.7, count: 1000)
        // Σx = 700.0000000000064 and Σx² = 490.00000000000614 after rounding: Σx² − (Σx)²/n
        // is −2.8e-15, which the variance must not report.
        let plain = SampleSummary(count: 1000, sum: values.reduce(0, +), sumOfSquares: values.reduce(0) { $0 + $1 * $1 })
        #expect((plain.sumOfSquares - plain.sum * plain.sum / 1000) / 999 < 0, "the rounding this test is about")
        #expect(plain.variance == 0)
        #expect(SampleSummary(values).variance == 0)
        let interval = try #require(MeanDifferenceInterval.welch(plain, minus: plain, confidence: 0.95))
        #expect(interval.standardError == 0 && interval.lower == interval.upper)
    }

    @Test("a group with fewer than two values, or a confidence outside (0, 1), gives no interval")
    func undefined() {
        let enough = SampleSummary([1, 2, 3])
        #expect(MeanDifferenceInterval.welch(SampleSummary([5]), minus: enough, confidence: 0.95) == nil)
        #expect(MeanDifferenceInterval.welch(enough, minus: SampleSummary([]), confidence: 0.95) == nil)
        #expect(MeanDifferenceInterval.welch(enough, minus: enough, confidence: 1) == nil)
        #expect(MeanDifferenceInterval.welch(enough, minus: enough, confidence: 0) == nil)
        #expect(MeanDifferenceInterval.welch(enough, minus: enough, confidence: 0.95) != nil)
    }
}
