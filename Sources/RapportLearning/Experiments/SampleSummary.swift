/// A group's values reduced to what a mean and a variance need: how many, and the sum and the sum
/// of squares of their distances from a reference value r. SQL gives all three in one pass, so
/// revenue per recipient never has to be read one recipient at a time:
///
/// ```sql
/// SELECT COUNT(*), SUM(x - :r), SUM(CAST(x - :r AS REAL) * (x - :r)) FROM …
/// ```
///
/// (`DOUBLE PRECISION` in place of `REAL` on PostgreSQL). The cast matters: amounts are integer
/// minor units, and SQLite's integer `SUM` fails with "integer overflow" once the squares pass
/// 2⁶³ (a thousand recipients spending Rp 1,000,000.00 each, 10⁸ minor units, get there), where
/// a sum of REAL values does not.
///
/// The reference matters when the values sit far from 0 and close together: Σx² − (Σx)²/n then
/// subtracts two nearly equal large numbers and keeps only rounding: 100,000 values around 10⁷
/// with a standard deviation of 0.29 get a variance 140 times too large, and other data a
/// negative one. Taken around a value near the data, such as a rounded mean from an earlier
/// query or the first value, the sums stay small and the variance is right to about 1e-12. For revenue per recipient, where
/// most values are 0, r = 0 is right.
public struct SampleSummary: Sendable, Equatable {
    /// How many values.
    public var count: Int
    /// Σ(x − reference).
    public var sum: Double
    /// Σ(x − reference)².
    public var sumOfSquares: Double
    /// The value the sums are taken around; 0 when they are plain sums.
    public var reference: Double

    /// A summary from sums taken around `reference`: `sum` is Σ(x − reference) and
    /// `sumOfSquares` is Σ(x − reference)², of `count` values. With the default reference of 0
    /// they are plain sums; see the type's notes for when that loses precision.
    public init(count: Int, sum: Double, sumOfSquares: Double, around reference: Double = 0) {
        self.count = count
        self.sum = sum
        self.sumOfSquares = sumOfSquares
        self.reference = reference
    }

    /// A summary of `values`, taken around the first of them, so no precision is lost to a large
    /// common offset.
    public init(_ values: [Double]) {
        let reference = values.first ?? 0
        var sum = 0.0
        var sumOfSquares = 0.0
        for value in values {
            let deviation = value - reference
            sum += deviation
            sumOfSquares += deviation * deviation
        }
        self.init(count: values.count, sum: sum, sumOfSquares: sumOfSquares, around: reference)
    }

    /// reference + Σ(x − reference) / n; nil without values.
    public var mean: Double? {
        count > 0 ? reference + sum / Double(count) : nil
    }

    /// The sample variance (divided by n − 1), from the sums around the reference, which it does
    /// not depend on; nil below two values. Σd² − (Σd)²/n can round below zero when every value
    /// is the same, so it is never less than 0.
    public var variance: Double? {
        guard count > 1 else { return nil }
        let n = Double(count)
        return max(0, (sumOfSquares - sum * sum / n) / (n - 1))
    }
}
