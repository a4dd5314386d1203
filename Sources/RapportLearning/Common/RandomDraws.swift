import Foundation

/// Draws from the distributions the simulations need, from any generator.
public enum RandomDraws {
    /// Uniform in (0, 1), never exactly 0.
    public static func unit(_ generator: inout some RandomNumberGenerator) -> Double {
        (Double(generator.next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    public static func normal(_ generator: inout some RandomNumberGenerator) -> Double {
        (-2 * log(unit(&generator))).squareRoot() * cos(2 * .pi * unit(&generator))
    }

    public static func exponential(rate: Double, _ generator: inout some RandomNumberGenerator) -> Double {
        -log(unit(&generator)) / rate
    }

    /// Gamma with this shape and rate (Marsaglia & Tsang 2000; shapes below 1 boosted by
    /// one and scaled back by U^(1/shape)).
    public static func gamma(shape: Double, rate: Double, _ generator: inout some RandomNumberGenerator) -> Double {
        if shape < 1 {
            return gamma(shape: shape + 1, rate: rate, &generator) * pow(unit(&generator), 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            let z = normal(&generator)
            let v = pow(1 + c * z, 3)
            guard v > 0 else { continue }
            if log(unit(&generator)) < 0.5 * z * z + d - d * v + d * log(v) { return d * v / rate }
        }
    }

    public static func beta(_ a: Double, _ b: Double, _ generator: inout some RandomNumberGenerator) -> Double {
        let x = gamma(shape: a, rate: 1, &generator)
        return x / (x + gamma(shape: b, rate: 1, &generator))
    }
}
