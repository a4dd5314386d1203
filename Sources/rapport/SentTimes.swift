import Synchronization

/// When each customer's trigger event committed, taken once by whoever measures the latency.
final class SentTimes: Sendable {
    private let times = Mutex<[String: ContinuousClock.Instant]>([:])

    func note(_ customerID: String, at instant: ContinuousClock.Instant) {
        times.withLock { $0[customerID] = instant }
    }

    func take(_ customerID: String) -> ContinuousClock.Instant? {
        times.withLock { $0.removeValue(forKey: customerID) }
    }
}
