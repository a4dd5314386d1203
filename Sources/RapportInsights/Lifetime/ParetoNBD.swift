import Foundation

/// The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): while alive a customer buys as
/// a Poisson process with a gamma(r, alpha) rate; their lifetime is exponential with a
/// gamma(s, beta) rate. The likelihood follows Fader & Hardie's note on deriving it, with the
/// hypergeometric function ₂F₁ and every term in log space.
public struct ParetoNBD: Sendable, Equatable {
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
        var total = 0.0
        let shared = r * log(alpha) + s * log(beta) - lgamma(r)
        for history in histories {
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
            total += lgamma(r + x) + shared + joined
        }
        return total
    }

    /// The maximum-likelihood parameters (`MaximumLikelihood`).
    public static func fit(_ histories: [PurchaseHistory]) -> (model: ParetoNBD, logLikelihood: Double) {
        let model = { (p: [Double]) in ParetoNBD(r: p[0], alpha: p[1], s: p[2], beta: p[3]) }
        let (parameters, logLikelihood) = MaximumLikelihood.fit(parameterCount: 4) { model($0).logLikelihood(histories) }
        return (model(parameters), logLikelihood)
    }
}
