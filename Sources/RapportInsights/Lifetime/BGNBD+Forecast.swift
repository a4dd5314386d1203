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
    /// given the history (the paper's equation 10, with Gauss's hypergeometric function).
    /// NaN if the series does not settle (a horizon far longer than the history).
    public func expectedPurchases(over periods: Double, _ history: PurchaseHistory) -> Double {
        guard periods > 0 else { return 0 }
        let x = Double(history.frequency)
        let z = periods / (alpha + history.age + periods)
        guard let series = Hypergeometric.gauss(r + x, b + x, a + b + x - 1, z) else { return .nan }
        let kept = exp((r + x) * (log(alpha + history.age) - log(alpha + history.age + periods)))
        let numerator = (a + b + x - 1) / (a - 1) * (1 - kept * series)
        guard history.frequency > 0 else { return numerator }
        let deadOdds = exp(log(a) - log(b + x - 1) + (r + x) * (log(alpha + history.age) - log(alpha + history.recency)))
        return numerator / (1 + deadOdds)
    }
}
