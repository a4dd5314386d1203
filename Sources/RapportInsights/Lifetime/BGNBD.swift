import Foundation

/// The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while
/// alive, a customer buys as a Poisson process whose rate is gamma(r, alpha) across customers;
/// after each purchase they drop out with a probability that is beta(a, b) across customers.
public struct BGNBD: Sendable, Equatable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// The log-likelihood of the histories (the paper's equation 6, in log space: the two
    /// terms joined by log-sum-exp). Terms that depend only on the frequency are computed once
    /// per distinct frequency.
    public func logLikelihood(_ histories: [PurchaseHistory]) -> Double {
        var perFrequency: [Int: Double] = [:]
        let shared = lgamma(a + b) - lgamma(b) + r * log(alpha)
        var total = 0.0
        for history in histories {
            let x = history.frequency
            let common: Double
            if let known = perFrequency[x] {
                common = known
            } else {
                let value = Double(x)
                common = lgamma(r + value) - lgamma(r) + lgamma(b + value) - lgamma(a + b + value) + shared
                perFrequency[x] = common
            }
            let value = Double(x)
            let alive = -(r + value) * log(alpha + history.age)
            if x > 0 {
                let dropped = log(a) - log(b + value - 1) - (r + value) * log(alpha + history.recency)
                let larger = max(alive, dropped)
                total += common + larger + log(exp(alive - larger) + exp(dropped - larger))
            } else {
                total += common + alive
            }
        }
        return total
    }

    /// The maximum-likelihood parameters (`MaximumLikelihood`).
    public static func fit(_ histories: [PurchaseHistory]) -> (model: BGNBD, logLikelihood: Double) {
        let model = { (p: [Double]) in BGNBD(r: p[0], alpha: p[1], a: p[2], b: p[3]) }
        let (parameters, logLikelihood) = MaximumLikelihood.fit(parameterCount: 4) { model($0).logLikelihood(histories) }
        return (model(parameters), logLikelihood)
    }
}
