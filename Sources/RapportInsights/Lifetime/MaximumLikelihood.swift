import Foundation

/// Maximum-likelihood fitting of models whose parameters are all positive: Nelder–Mead over
/// their logarithms (so no bound can be crossed), from 1 for each.
enum MaximumLikelihood {
    /// The parameters that maximise `logLikelihood`, and its value there.
    static func fit(parameterCount: Int, _ logLikelihood: ([Double]) -> Double) -> (parameters: [Double], logLikelihood: Double) {
        let (point, value) = NelderMead().minimize([Double](repeating: 0, count: parameterCount)) { logs in
            let likelihood = logLikelihood(logs.map(exp))
            return likelihood.isFinite ? -likelihood : .greatestFiniteMagnitude
        }
        return (point.map(exp), -value)
    }
}
