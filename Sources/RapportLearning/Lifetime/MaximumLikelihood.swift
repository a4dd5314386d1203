import Foundation

/// Maximum-likelihood fitting of models whose parameters are all positive: Nelder–Mead over
/// their logarithms (so no bound can be crossed), from 1 for each unless told where.
enum MaximumLikelihood {
    /// The parameters that maximise `logLikelihood`, and its value there.
    static func fit(parameterCount: Int, _ logLikelihood: ([Double]) -> Double) -> (parameters: [Double], logLikelihood: Double) {
        fit(start: [Double](repeating: 0, count: parameterCount), logLikelihood)
    }

    /// As above, from the parameters whose logarithms are `start`. The simplex restarts from
    /// its best point until a restart no longer improves the likelihood: a simplex that has
    /// shrunk along a flat ridge stops early, a fresh one walks on.
    static func fit(start: [Double], _ logLikelihood: ([Double]) -> Double) -> (parameters: [Double], logLikelihood: Double) {
        let negative = { (logs: [Double]) -> Double in
            let likelihood = logLikelihood(logs.map(exp))
            return likelihood.isFinite ? -likelihood : .greatestFiniteMagnitude
        }
        var (point, value) = NelderMead().minimize(start, negative)
        // Likelihoods are flat along ridges (a parameter's third decimal can move the
        // log-likelihood by 1e-7): the restarts settle to the last few digits of the value.
        var polishing = NelderMead()
        polishing.tolerance = 1e-15
        for _ in 0..<8 {
            let (next, nextValue) = polishing.minimize(point, step: 0.05, negative)
            guard nextValue < value else { break }
            (point, value) = (next, nextValue)
        }
        return (point.map(exp), -value)
    }
}
