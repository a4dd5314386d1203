import Foundation

/// The logistic function and its logarithms, written so that neither overflows nor loses
/// precision far from zero.
public enum Logistic {
    /// 1 / (1 + e^−x).
    public static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    /// log(1 + e^x), exact for large |x|.
    public static func softplus(_ x: Double) -> Double {
        x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
    }
}
