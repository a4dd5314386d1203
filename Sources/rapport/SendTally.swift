import Synchronization

/// When each benchmark request left, and how the server answered.
final class SendTally: Sendable {
    private let state = Mutex<(sentAt: [Int: ContinuousClock.Instant], accepted: Int, failed: Int)>(([:], 0, 0))

    func sent(_ number: Int, at instant: ContinuousClock.Instant) {
        state.withLock { $0.sentAt[number] = instant }
    }

    func answered(ok: Bool) {
        state.withLock { ok ? ($0.accepted += 1) : ($0.failed += 1) }
    }

    var snapshot: (sentAt: [Int: ContinuousClock.Instant], accepted: Int, failed: Int) { state.withLock { $0 } }
}
