import Foundation

/// The digamma function ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up
/// to x ≥ 6, then the asymptotic series (error below 1e-12 there).
enum Digamma {
    static func of(_ value: Double) -> Double {
        var x = value
        var result = 0.0
        while x < 6 {
            result -= 1 / x
            x += 1
        }
        let inverse = 1 / x
        let square = inverse * inverse
        // ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ)
        let series = square * (1.0 / 12 - square * (1.0 / 120 - square * (1.0 / 252 - square * (1.0 / 240 - square * (1.0 / 132)))))
        return result + log(x) - 0.5 * inverse - series
    }
}
