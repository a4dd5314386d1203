import Foundation
import RapportCore
import Synchronization

/// Real time that a test can stop and move: by default it runs as the wall clock does (ids,
/// orderings and "just now" behave as in production); `freeze()` stops it, so nothing falls
/// due while the test is not looking, and `advance(by:)` makes a retry or a deadline due at once.
public final class MovableClock: WallClock {
    private struct State {
        var offset: TimeInterval = 0
        var frozenAt: Date?
    }

    private let state = Mutex(State())

    public init() {}

    public func now() -> Date {
        state.withLock { $0.frozenAt ?? Date().addingTimeInterval($0.offset) }
    }

    /// Stops the clock where it is.
    public func freeze() {
        state.withLock { $0.frozenAt = $0.frozenAt ?? Date().addingTimeInterval($0.offset) }
    }

    public func advance(by seconds: TimeInterval) {
        state.withLock { state in
            state.offset += seconds
            state.frozenAt = state.frozenAt?.addingTimeInterval(seconds)
        }
    }
}
