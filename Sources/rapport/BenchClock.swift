import Foundation
import RapportCore
import Synchronization

/// A clock a benchmark moves by hand, so that time-based changes fall due when it says. While it
/// ticks, each reading also moves it on a little, as a real clock moves while work is done: what
/// is stamped with the time (ids begin with their millisecond) is then written in the order it
/// would be in production, not all within one millisecond.
final class BenchClock: WallClock {
    private let state: Mutex<(now: Date, tick: TimeInterval)>

    init(_ start: Date) {
        state = Mutex((start, 0))
    }

    func now() -> Date {
        state.withLock { state in
            defer { state.now = state.now.addingTimeInterval(state.tick) }
            return state.now
        }
    }

    func advance(by interval: TimeInterval) {
        state.withLock { $0.now = $0.now.addingTimeInterval(interval) }
    }

    /// Each reading from now on moves the clock on by `interval` (0: it stands still again).
    func tick(by interval: TimeInterval) {
        state.withLock { $0.tick = interval }
    }
}
