import Foundation
import RapportCore
import Synchronization

/// A clock a benchmark moves by hand, so that time-based changes fall due when it says.
final class BenchClock: WallClock {
    private let current: Mutex<Date>

    init(_ start: Date) {
        current = Mutex(start)
    }

    func now() -> Date {
        current.withLock { $0 }
    }

    func advance(by interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }
}
