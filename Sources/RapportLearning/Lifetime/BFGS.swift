import Foundation

/// Quasi-Newton minimisation (BFGS with a backtracking line search) of a smooth function of a
/// few unbounded variables whose gradient is known: tens of evaluations where Nelder–Mead
/// needs hundreds.
struct BFGS {
    var gradientTolerance = 1e-9
    var maximumIterations = 500
    var maximumStep = 1.0

    /// `function` returns the value and the gradient at a point; nil when the minimisation
    /// failed (a non-finite value at the start).
    func minimize(_ start: [Double], _ function: ([Double]) -> (value: Double, gradient: [Double])) -> (point: [Double], value: Double)? {
        let n = start.count
        var point = start
        var (value, gradient) = function(point)
        guard value.isFinite else { return nil }
        // The inverse Hessian's estimate, starting from the identity.
        var inverse = (0..<n).map { row in (0..<n).map { row == $0 ? 1.0 : 0.0 } }
        for _ in 0..<maximumIterations {
            if gradient.map(abs).max() ?? 0 < gradientTolerance { break }
            var direction = (0..<n).map { row in -(0..<n).reduce(0) { $0 + inverse[row][$1] * gradient[$1] } }
            var slope = zip(direction, gradient).reduce(0) { $0 + $1.0 * $1.1 }
            if slope >= 0 {
                // Not a descent direction: start again from steepest descent.
                inverse = (0..<n).map { row in (0..<n).map { row == $0 ? 1.0 : 0.0 } }
                direction = gradient.map { -$0 }
                slope = -gradient.reduce(0) { $0 + $1 * $1 }
            }
            // No variable moves by more than `maximumStep` at once: far from the start a
            // likelihood can be numerically meaningless, and a steep start would jump there.
            let longest = direction.map(abs).max() ?? 0
            var step = longest > maximumStep ? maximumStep / longest : 1.0
            var next = point
            var nextValue = value
            var nextGradient = gradient
            var accepted = false
            for _ in 0..<60 {
                next = zip(point, direction).map { $0 + step * $1 }
                (nextValue, nextGradient) = function(next)
                if nextValue.isFinite && nextValue <= value + 1e-4 * step * slope {
                    accepted = true
                    break
                }
                step *= 0.5
            }
            guard accepted else { break }
            let s = zip(next, point).map { $0 - $1 }
            let y = zip(nextGradient, gradient).map { $0 - $1 }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            point = next
            let improvement = value - nextValue
            value = nextValue
            gradient = nextGradient
            if sy > 1e-12 {
                // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
                let rho = 1 / sy
                let hy = (0..<n).map { row in (0..<n).reduce(0) { $0 + inverse[row][$1] * y[$1] } }
                let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
                for row in 0..<n {
                    for column in 0..<n {
                        inverse[row][column] += (1 + rho * yhy) * rho * s[row] * s[column]
                            - rho * (hy[row] * s[column] + s[row] * hy[column])
                    }
                }
            }
            if improvement <= 1e-15 * (abs(value) + 1e-15) { break }
        }
        return (point, value)
    }
}
