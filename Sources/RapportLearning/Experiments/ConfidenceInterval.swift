/// An estimate with its two-sided interval at a confidence level, by the normal approximation:
/// estimate ± z · standard error, z the standard normal quantile at ½ + confidence / 2
/// (1.959964 for 95 %).
public struct ConfidenceInterval: Sendable, Equatable {
    /// The estimate the interval is centred on.
    public let estimate: Double
    /// The estimate's standard error.
    public let standardError: Double
    /// 0.95 for a 95 % interval.
    public let confidence: Double
    /// estimate − z · standardError.
    public let lower: Double
    /// estimate + z · standardError.
    public let upper: Double

    /// Nil unless 0 < confidence < 1 and the estimate and standard error are finite, the
    /// standard error not negative.
    init?(estimate: Double, standardError: Double, confidence: Double) {
        guard confidence > 0, confidence < 1, estimate.isFinite, standardError.isFinite, standardError >= 0 else { return nil }
        let margin = StandardNormal.quantile(0.5 + confidence / 2) * standardError
        self.estimate = estimate
        self.standardError = standardError
        self.confidence = confidence
        lower = estimate - margin
        upper = estimate + margin
    }

    /// Whether 0 lies outside the interval: by this interval's own standard error, the data rule
    /// out "no difference" at level 1 − confidence.
    public var excludesZero: Bool { lower > 0 || upper < 0 }
}
