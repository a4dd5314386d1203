import Foundation

/// The standard normal distribution, for the tests and intervals of campaign experiments: its
/// cumulative distribution through `erfc`, and its inverse by Peter J. Acklam's rational
/// approximation ("An algorithm for computing the inverse normal cumulative distribution
/// function", 2003; relative error below 1.15e-9) followed by one step of Halley's method,
/// which brings it to about 1e-15.
public enum StandardNormal {
    /// P(Z ≤ x).
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// The chance of a value at least as far from 0 as `z` on either side, P(|Z| ≥ |z|): the
    /// two-sided p-value of a z statistic. 1 at z = 0.
    public static func twoSidedPValue(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }

    /// The x with P(Z ≤ x) = p (1.959964 at 0.975): −∞ at 0, +∞ at 1, NaN outside [0, 1].
    public static func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        let x = approximateQuantile(p)
        // Halley's step on Φ(x) − p. Above the median the error is taken from the upper tail,
        // where 1 − p is exact and Φ(x) would have lost the digits that matter.
        let error = p < 0.5 ? cdf(x) - p : (1 - p) - 0.5 * erfc(x / 2.0.squareRoot())
        let step = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        let refined = x - step / (1 + x * step / 2)
        // Far in the tails exp(x²/2) overflows; the approximation alone is then the answer.
        return refined.isFinite ? refined : x
    }

    /// Acklam's approximation: a rational function of p − ½ in the middle, of √(−2 ln p) in the
    /// tails (below 0.02425 and, by symmetry, above 0.97575).
    private static func approximateQuantile(_ p: Double) -> Double {
        let tailStart = 0.02425
        if p < tailStart {
            let q = (-2 * log(p)).squareRoot()
            return horner(tailNumerator, q) / horner(tailDenominator, q)
        }
        if p > 1 - tailStart {
            let q = (-2 * log(1 - p)).squareRoot()
            return -horner(tailNumerator, q) / horner(tailDenominator, q)
        }
        let q = p - 0.5
        let r = q * q
        return horner(centralNumerator, r) * q / horner(centralDenominator, r)
    }

    /// The polynomial with these coefficients, highest power first, at x.
    private static func horner(_ coefficients: [Double], _ x: Double) -> Double {
        coefficients.reduce(0.0) { $0 * x + $1 }
    }

    private static let centralNumerator: [Double] = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    private static let centralDenominator: [Double] = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01, 1,
    ]
    private static let tailNumerator: [Double] = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00,
    ]
    private static let tailDenominator: [Double] = [
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1,
    ]
}
