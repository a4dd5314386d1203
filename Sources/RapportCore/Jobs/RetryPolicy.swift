import Foundation
import RapportLearning

/// Exponential backoff with jitter: attempt n waits base·2^(n-1), capped, then a random share
/// of it between one half and the whole ("equal jitter"), so that retries of jobs that failed
/// together spread out instead of hammering the provider in step.
public struct RetryPolicy: Sendable, Equatable {
    public var base: Duration
    public var cap: Duration

    public init(base: Duration = .seconds(2), cap: Duration = .seconds(3600)) {
        self.base = base
        self.cap = cap
    }

    /// The wait after the `attempt`-th failure (1-based); `unit` is a random number in 0..<1.
    public func delay(afterAttempt attempt: Int, unit: Double) -> TimeInterval {
        let baseSeconds = base.inSeconds
        let exponent = Double(min(max(attempt - 1, 0), 30))
        let full = min(baseSeconds * pow(2, exponent), cap.inSeconds)
        return full / 2 + full / 2 * min(max(unit, 0), 1)
    }
}
