import Foundation

/// Gauss's hypergeometric function ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1 (where
/// the Pareto/NBD likelihood needs it). Terms are added until they no longer change the sum;
/// nil when the series has not settled after `maximumTerms` (z too close to 1).
enum Hypergeometric {
    static let maximumTerms = 200_000

    static func gauss(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double? {
        guard z >= 0, z < 1 else { return nil }
        var term = 1.0
        var sum = 1.0
        for n in 0..<maximumTerms {
            let k = Double(n)
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            sum += term
            if abs(term) <= 1e-16 * abs(sum) { return sum }
        }
        return nil
    }
}
