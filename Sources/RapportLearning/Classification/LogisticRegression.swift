import Foundation

/// A logistic regression: P(yes | x) = σ(b + w·x). Fitted by Newton's method on the
/// L2-penalised log-likelihood (the intercept not penalised): each step solves
/// (XᵀWX + λ·diag(0, 1, …, 1)) Δ = gradient with the symmetric inverse, halved until the
/// penalised likelihood rises. Features are few (tens), so a step is a pass over the rows plus
/// a small inverse.
public struct LogisticRegression: Sendable, Equatable {
    public var intercept: Double
    public var weights: [Double]
    /// Newton steps taken, and whether the last one moved the parameters by less than the
    /// tolerance.
    public var iterations: Int
    public var converged: Bool

    public init(intercept: Double, weights: [Double], iterations: Int = 0, converged: Bool = true) {
        self.intercept = intercept
        self.weights = weights
        self.iterations = iterations
        self.converged = converged
    }

    /// The probability of yes for these features.
    public func probability(_ features: [Double]) -> Double {
        var z = intercept
        for (weight, value) in zip(weights, features) { z += weight * value }
        return Logistic.sigmoid(z)
    }

    /// Nil when there are no rows, the rows differ in length, the penalty is not positive, or a
    /// step's matrix is not positive definite (it always is with a positive penalty).
    /// - Parameters:
    ///   - rows: one feature vector per example, all of one length.
    ///   - outcomes: true for yes.
    ///   - penalty: λ, the L2 penalty on the weights.
    public static func fit(
        rows: [[Double]], outcomes: [Bool], penalty: Double = 1, maximumIterations: Int = 50, tolerance: Double = 1e-8
    ) -> LogisticRegression? {
        guard let width = rows.first?.count, rows.count == outcomes.count, rows.allSatisfy({ $0.count == width }), penalty > 0, penalty.isFinite,
            maximumIterations > 0
        else { return nil }
        let size = width + 1
        // Start from the base rate: the intercept alone.
        let rate = min(max(Double(outcomes.filter { $0 }.count) / Double(outcomes.count), 1e-6), 1 - 1e-6)
        var parameters = [log(rate / (1 - rate))] + Array(repeating: 0, count: width)
        var gradient = [Double](repeating: 0, count: size)
        var hessian = [Double](repeating: 0, count: size * size)
        var row = [Double](repeating: 1, count: size)
        let likelihood = { (parameters: [Double]) in
            penalisedLogLikelihood(intercept: parameters[0], weights: Array(parameters[1...]), rows: rows, outcomes: outcomes, penalty: penalty)
        }
        var current = likelihood(parameters)
        for iteration in 1...maximumIterations {
            for index in gradient.indices { gradient[index] = 0 }
            for index in hessian.indices { hessian[index] = 0 }
            for (features, outcome) in zip(rows, outcomes) {
                for index in 0..<width { row[index + 1] = features[index] }
                var z = 0.0
                for index in 0..<size { z += parameters[index] * row[index] }
                let p = Logistic.sigmoid(z)
                let residual = (outcome ? 1 : 0) - p
                let weight = max(p * (1 - p), 1e-12)
                for i in 0..<size {
                    gradient[i] += residual * row[i]
                    let scaled = weight * row[i]
                    for j in i..<size { hessian[i * size + j] += scaled * row[j] }
                }
            }
            for i in 1..<size {
                gradient[i] -= penalty * parameters[i]
                hessian[i * size + i] += penalty
            }
            for i in 0..<size { for j in 0..<i { hessian[i * size + j] = hessian[j * size + i] } }
            guard let inverse = SymmetricInverse.of(hessian, size: size) else { return nil }
            var step = [Double](repeating: 0, count: size)
            for i in 0..<size { for j in 0..<size { step[i] += inverse[i * size + j] * gradient[j] } }
            // Halve the step until the penalised likelihood does not fall (near-separable data
            // can make a full step overshoot).
            var scale = 1.0
            var candidate = zip(parameters, step).map { $0 + $1 }
            var value = likelihood(candidate)
            while value < current - 1e-12 * abs(current), scale > 1e-6 {
                scale /= 2
                candidate = zip(parameters, step).map { $0 + scale * $1 }
                value = likelihood(candidate)
            }
            parameters = candidate
            current = value
            let largest = step.reduce(0.0) { max($0, abs($1 * scale)) }
            if largest < tolerance {
                return LogisticRegression(intercept: parameters[0], weights: Array(parameters[1...]), iterations: iteration, converged: true)
            }
        }
        return LogisticRegression(intercept: parameters[0], weights: Array(parameters[1...]), iterations: maximumIterations, converged: false)
    }

    /// The penalised log-likelihood of the parameters on the rows (for checks: Newton's answer
    /// is its maximum).
    public static func penalisedLogLikelihood(intercept: Double, weights: [Double], rows: [[Double]], outcomes: [Bool], penalty: Double) -> Double {
        var total = 0.0
        for (features, outcome) in zip(rows, outcomes) {
            var z = intercept
            for (weight, value) in zip(weights, features) { z += weight * value }
            total += outcome ? -Logistic.softplus(-z) : -Logistic.softplus(z)
        }
        return total - 0.5 * penalty * weights.reduce(0) { $0 + $1 * $1 }
    }
}
