import Foundation

/// The Gamma-Gamma model of spend (Fader & Hardie 2013, after Colombo & Jiang 1999): a
/// customer's transaction values are gamma(p, ν) around their own mean, and ν is gamma(q, γ)
/// across customers; independent of how often they buy.
public struct GammaGamma: Sendable, Equatable, Codable {
    public var p: Double
    public var q: Double
    public var gamma: Double

    public init(p: Double, q: Double, gamma: Double) {
        self.p = p
        self.q = q
        self.gamma = gamma
    }

    /// The log-likelihood of repeat customers' average values (customers without repeat
    /// purchases or with a non-positive average carry no information and are skipped).
    public func logLikelihood(_ histories: [SpendHistory]) -> Double {
        var total = 0.0
        for history in histories where history.frequency > 0 && history.averageValue > 0 {
            let x = Double(history.frequency)
            let px = p * x
            total += lgamma(px + q) - lgamma(px) - lgamma(q) + q * log(gamma) + (px - 1) * log(history.averageValue)
                + px * log(x) - (px + q) * log(gamma + history.averageValue * x)
        }
        return total
    }

    /// A customer's expected average transaction value given their history: the population
    /// mean p·γ/(q − 1) weighted against their own average by how many purchases show it.
    public func expectedAverageValue(_ history: SpendHistory) -> Double {
        let x = Double(history.frequency)
        return (gamma + x * history.averageValue) * p / (p * x + q - 1)
    }

    /// The maximum-likelihood parameters: BFGS over the parameters' logarithms with the
    /// analytic gradient, customers grouped by frequency (`SpendGroups`); Nelder–Mead
    /// (`MaximumLikelihood`) if BFGS fails.
    public static func fit(_ histories: [SpendHistory]) -> (model: GammaGamma, logLikelihood: Double) {
        let model = { (p: [Double]) in GammaGamma(p: p[0], q: p[1], gamma: p[2]) }
        let groups = SpendGroups(histories)
        let found = BFGS().minimize([0, 0, 0]) { logs in
            let parameters = logs.map(exp)
            let (value, gradient) = model(parameters).logLikelihoodAndGradient(groups)
            guard value.isFinite, gradient.allSatisfy(\.isFinite) else { return (.greatestFiniteMagnitude, [0, 0, 0]) }
            // d/d(log θ) = θ · d/dθ, and the minimiser wants the negative log-likelihood.
            return (-value, zip(gradient, parameters).map { -$0 * $1 })
        }
        if let found {
            let parameters = found.point.map(exp)
            return (model(parameters), -found.value)
        }
        let (parameters, logLikelihood) = MaximumLikelihood.fit(parameterCount: 3) { model($0).logLikelihood(histories) }
        return (model(parameters), logLikelihood)
    }
}
