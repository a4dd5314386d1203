import Foundation

extension BGNBD {
    /// The probability that a customer with this history is still buying (Fader, Hardie &
    /// Lee 2005, equation 11). A customer who has not bought again cannot have dropped out
    /// under the model: 1.
    public func probabilityAlive(_ history: PurchaseHistory) -> Double {
        guard history.frequency > 0 else { return 1 }
        let x = Double(history.frequency)
        let logOdds = log(a) - log(b + x - 1) + (r + x) * (log(alpha + history.age) - log(alpha + history.recency))
        return 1 / (1 + exp(logOdds))
    }

    /// The expected number of purchases in the next `periods` after the end of calibration,
    /// given the history (the paper's equation 10). NaN if the series does not settle.
    ///
    /// Equation 10 reads (a + b + x − 1)/(a − 1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x;
    /// a+b+x−1; z)], z = t/(α+T+t): near a = 1 both factors are a difference of nearly equal
    /// numbers, and a fit on few customers can land there (the result was off by orders of
    /// magnitude, even negative). Euler's transformation turns the bracket into
    /// 1 − (1−z)^(a−1) · ₂F₁(a+b−1−r, a−1; a+b+x−1; z), and since every term of that series
    /// after the first carries the factor (a − 1), the bracket over (a − 1) is
    /// −expm1((a−1)·ln(1−z))/(a−1) − (1−z)^(a−1) · G, G the series without its first term and
    /// that factor: no cancellation, and the limit at a = 1 is −ln(1−z) − G.
    public func expectedPurchases(over periods: Double, _ history: PurchaseHistory) -> Double {
        guard periods > 0 else { return 0 }
        let x = Double(history.frequency)
        let logKept = log(alpha + history.age) - log(alpha + history.age + periods)  // ln(1 − z)
        let z = periods / (alpha + history.age + periods)
        guard let rest = Self.seriesAfterFirstTerm(a + b - 1 - r, a, a + b + x - 1, z) else { return .nan }
        let shift = a - 1
        let growth = shift == 0 ? -logKept : -expm1(shift * logKept) / shift
        // Equation 10's denominator, 1 + δ·(odds of having dropped out), is 1 / P(alive).
        return (a + b + x - 1) * (growth - exp(shift * logKept) * rest) * probabilityAlive(history)
    }

    /// Σₙ≥₁ (p)ₙ (q)ₙ₋₁ / ((c)ₙ n!) zⁿ — ₂F₁(p, q − 1; c; z) less its first term, divided by
    /// q − 1; nil when it has not settled.
    static func seriesAfterFirstTerm(_ p: Double, _ q: Double, _ c: Double, _ z: Double) -> Double? {
        guard z >= 0, z < 1 else { return nil }
        var term = p / c * z
        var sum = term
        for n in 1..<Hypergeometric.maximumTerms {
            let k = Double(n)
            term *= (p + k) * (q + k - 1) / ((c + k) * (k + 1)) * z
            sum += term
            if abs(term) <= 1e-16 * abs(sum) { return sum }
        }
        return nil
    }
}
