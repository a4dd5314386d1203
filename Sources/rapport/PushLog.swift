import Synchronization

/// When each benchmark message reached the agent's stream, and how many came twice.
final class PushLog: Sendable {
    private let arrivals = Mutex<(times: [Int: ContinuousClock.Instant], duplicates: Int)>(([:], 0))

    func record(_ number: Int, at instant: ContinuousClock.Instant) {
        arrivals.withLock { state in
            if state.times[number] == nil { state.times[number] = instant } else { state.duplicates += 1 }
        }
    }

    var count: Int { arrivals.withLock { $0.times.count } }
    var duplicates: Int { arrivals.withLock { $0.duplicates } }

    /// Push time minus send time for every message that arrived.
    func latencies(sentAt: [Int: ContinuousClock.Instant]) -> [Duration] {
        arrivals.withLock { state in
            state.times.compactMap { number, arrived in sentAt[number].map { arrived - $0 } }
        }
    }
}
