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
    /// terms joined by log-sum-exp).
    public func logLikelihood(_ histories: [PurchaseHistory]) -> Double {
        logLikelihoodAndGradient(PurchaseHistory.grouped(histories)).value
    }

    /// The log-likelihood and its gradient with respect to (r, alpha, a, b), over histories
    /// grouped with their counts. Terms of one frequency are computed once.
    public func logLikelihoodAndGradient(_ groups: [(history: PurchaseHistory, count: Double)]) -> (value: Double, gradient: [Double]) {
        var perFrequency: [Int: (value: Double, dr: Double, da: Double, db: Double)] = [:]
        let shared = lgamma(a + b) - lgamma(b) + r * log(alpha)
        let psiR = Digamma.of(r), psiB = Digamma.of(b), psiAB = Digamma.of(a + b)
        var total = 0.0
        var gradient = [0.0, 0.0, 0.0, 0.0]
        for (history, count) in groups {
            let x = history.frequency
            let value = Double(x)
            let common: (value: Double, dr: Double, da: Double, db: Double)
            if let known = perFrequency[x] {
                common = known
            } else {
                let psiABX = Digamma.of(a + b + value)
                common = (
                    lgamma(r + value) - lgamma(r) + lgamma(b + value) - lgamma(a + b + value) + shared,
                    Digamma.of(r + value) - psiR + log(alpha), psiAB - psiABX, psiAB + Digamma.of(b + value) - psiB - psiABX)
                perFrequency[x] = common
            }
            let alive = -(r + value) * log(alpha + history.age)
            var aliveShare = 1.0
            var term = common.value + alive
            if x > 0 {
                let dropped = log(a) - log(b + value - 1) - (r + value) * log(alpha + history.recency)
                let larger = max(alive, dropped)
                let sum = exp(alive - larger) + exp(dropped - larger)
                term = common.value + larger + log(sum)
                aliveShare = exp(alive - larger) / sum
            }
            let droppedShare = 1 - aliveShare
            total += count * term
            gradient[0] += count * (common.dr - aliveShare * log(alpha + history.age) - droppedShare * log(alpha + history.recency))
            gradient[1] += count * (r / alpha - aliveShare * (r + value) / (alpha + history.age)
                - droppedShare * (r + value) / (alpha + history.recency))
            gradient[2] += count * (common.da + droppedShare / a)
            gradient[3] += count * (common.db - (x > 0 ? droppedShare / (b + value - 1) : 0))
        }
        return (total, gradient)
    }

    /// The maximum-likelihood parameters: BFGS over the parameters' logarithms with the
    /// analytic gradient, on histories grouped when identical (a million customers have far
    /// fewer distinct histories); Nelder–Mead (`MaximumLikelihood`) if BFGS fails.
    public static func fit(_ histories: [PurchaseHistory]) -> (model: BGNBD, logLikelihood: Double) {
        let model = { (p: [Double]) in BGNBD(r: p[0], alpha: p[1], a: p[2], b: p[3]) }
        let groups = PurchaseHistory.grouped(histories)
        let found = BFGS().minimize([0, 0, 0, 0]) { logs in
            let parameters = logs.map(exp)
            let (value, gradient) = model(parameters).logLikelihoodAndGradient(groups)
            guard value.isFinite else { return (.greatestFiniteMagnitude, [0, 0, 0, 0]) }
            // d/d(log θ) = θ · d/dθ, and the minimiser wants the negative log-likelihood.
            return (-value, zip(gradient, parameters).map { -$0 * $1 })
        }
        if let found {
            let parameters = found.point.map(exp)
            return (model(parameters), -found.value)
        }
        let (parameters, logLikelihood) = MaximumLikelihood.fit(parameterCount: 4) { model($0).logLikelihood(histories) }
        return (model(parameters), logLikelihood)
    }
}
