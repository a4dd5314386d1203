import Foundation

/// The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): while alive a customer buys as
/// a Poisson process with a gamma(r, alpha) rate; their lifetime is exponential with a
/// gamma(s, beta) rate. The likelihood follows Fader & Hardie's note on deriving it, with the
/// hypergeometric function ₂F₁ and every term in log space.
public struct ParetoNBD: Sendable, Equatable, Codable {
    public var r: Double
    public var alpha: Double
    public var s: Double
    public var beta: Double

    public init(r: Double, alpha: Double, s: Double, beta: Double) {
        self.r = r
        self.alpha = alpha
        self.s = s
        self.beta = beta
    }

    /// The log-likelihood of the histories; −∞ when a term cannot be computed.
    public func logLikelihood(_ histories: [PurchaseHistory]) -> Double {
        logLikelihood(PurchaseHistory.grouped(histories))
    }

    /// The log-likelihood over histories grouped with their counts.
    func logLikelihood(_ groups: [(history: PurchaseHistory, count: Double)]) -> Double {
        var total = 0.0
        let shared = r * log(alpha) + s * log(beta) - lgamma(r)
        for (history, count) in groups {
            let x = Double(history.frequency)
            let rsx = r + s + x
            // The larger of alpha and beta sets the series' argument, which stays in [0, 1).
            let (larger, secondParameter) = alpha >= beta ? (alpha, s + 1) : (beta, r + x)
            let difference = abs(alpha - beta)
            guard let atRecency = Hypergeometric.gauss(rsx, secondParameter, rsx + 1, difference / (larger + history.recency)),
                let atAge = Hypergeometric.gauss(rsx, secondParameter, rsx + 1, difference / (larger + history.age))
            else { return -.infinity }
            let early = log(atRecency) - rsx * log(larger + history.recency)
            let late = log(atAge) - rsx * log(larger + history.age)
            // log(exp(early) − exp(late)): the purchase process ended between the last purchase and now.
            let ended = late < early ? early + log1p(-exp(late - early)) : -Double.infinity
            let alive = -(r + x) * log(alpha + history.age) - s * log(beta + history.age)
            let died = log(s) - log(rsx) + ended
            let top = max(alive, died)
            let joined = top == -.infinity ? top : top + log(exp(alive - top) + exp(died - top))
            total += count * (lgamma(r + x) + shared + joined)
        }
        return total
    }

    /// The maximum-likelihood parameters (`MaximumLikelihood`, on identical histories grouped).
    /// A BG/NBD fit of the same histories, when given, is the start: its purchase rate's
    /// parameters are close to Pareto/NBD's, and a start near the optimum keeps the
    /// hypergeometric series short (far from it alpha and beta differ wildly and the series'
    /// argument nears 1).
    public static func fit(_ histories: [PurchaseHistory], near start: BGNBD? = nil) -> (model: ParetoNBD, logLikelihood: Double) {
        let model = { (p: [Double]) in ParetoNBD(r: p[0], alpha: p[1], s: p[2], beta: p[3]) }
        let groups = PurchaseHistory.grouped(histories)
        let first: [Double] = start.map { [log($0.r), log($0.alpha), 0, log($0.alpha)] } ?? [0, 0, 0, 0]
        let (parameters, logLikelihood) = MaximumLikelihood.fit(start: first) { model($0).logLikelihood(groups) }
        return (model(parameters), logLikelihood)
    }
}
