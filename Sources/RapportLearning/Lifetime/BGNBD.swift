import Foundation

/// The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while
/// alive, a customer buys as a Poisson process whose rate is gamma(r, alpha) across customers;
/// after each purchase they drop out with a probability that is beta(a, b) across customers.
public struct BGNBD: Sendable, Equatable, Codable {
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
    /// grouped with their counts. Terms of one frequency are computed once; large inputs are
    /// split in fixed halves summed on two threads (the same sums in the same order each time).
    public func logLikelihoodAndGradient(_ groups: [(history: PurchaseHistory, count: Double)]) -> (value: Double, gradient: [Double]) {
        let largest = groups.reduce(0) { max($0, $1.history.frequency) }
        let shared = lgamma(a + b) - lgamma(b) + r * log(alpha)
        let psiR = Digamma.of(r), psiB = Digamma.of(b), psiAB = Digamma.of(a + b)
        let perFrequency = (0...largest).map { x -> FrequencyTerms in
            let value = Double(x)
            let psiABX = Digamma.of(a + b + value)
            let logGammas: Double = lgamma(r + value) - lgamma(r) + lgamma(b + value) - lgamma(a + b + value)
            let dr: Double = Digamma.of(r + value) - psiR + log(alpha)
            let db: Double = psiAB + Digamma.of(b + value) - psiB - psiABX
            let logDropOdds: Double = x > 0 ? log(a) - log(b + value - 1) : 0
            return FrequencyTerms(
                value: logGammas + shared, dr: dr, da: psiAB - psiABX, db: db, logDropOdds: logDropOdds,
                dropDerivative: x > 0 ? 1 / (b + value - 1) : 0)
        }
        let chunks = groups.count >= 50_000 ? 2 : 1
        let size = (groups.count + chunks - 1) / chunks
        let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: chunks * 5)
        defer { partials.deallocate() }
        // Each thread writes only its own five slots.
        nonisolated(unsafe) let results = partials
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var total = 0.0, dr = 0.0, dalpha = 0.0, da = 0.0, db = 0.0
            for index in (chunk * size)..<min(groups.count, (chunk + 1) * size) {
                let (history, count) = groups[index]
                let x = history.frequency
                let value = Double(x)
                let common = perFrequency[x]
                let logAge = log(alpha + history.age)
                let alive = -(r + value) * logAge
                var aliveShare = 1.0
                var term = common.value + alive
                var logRecency = 0.0
                if x > 0 {
                    logRecency = log(alpha + history.recency)
                    let dropped = common.logDropOdds - (r + value) * logRecency
                    let larger = max(alive, dropped)
                    let aliveWeight = exp(alive - larger), droppedWeight = exp(dropped - larger)
                    let sum = aliveWeight + droppedWeight
                    term = common.value + larger + log(sum)
                    aliveShare = aliveWeight / sum
                }
                let droppedShare = 1 - aliveShare
                total += count * term
                dr += count * (common.dr - aliveShare * logAge - droppedShare * logRecency)
                dalpha += count * (r / alpha - (r + value) * (aliveShare / (alpha + history.age)
                    + (x > 0 ? droppedShare / (alpha + history.recency) : 0)))
                da += count * (common.da + droppedShare / a)
                db += count * (common.db - droppedShare * common.dropDerivative)
            }
            for (slot, sum) in [total, dr, dalpha, da, db].enumerated() { results[chunk * 5 + slot] = sum }
        }
        var sums = [0.0, 0.0, 0.0, 0.0, 0.0]
        for chunk in 0..<chunks { for slot in 0..<5 { sums[slot] += partials[chunk * 5 + slot] } }
        return (sums[0], Array(sums[1...]))
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
