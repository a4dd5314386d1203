import Foundation
import RapportCore
import Synchronization

/// The real time plus an offset a benchmark moves by hand: waits of days pass at once, and
/// what happens between the jumps takes its real time (the trigger latency is real).
final class BenchOffsetClock: WallClock {
    private let offset = Mutex<TimeInterval>(0)

    func now() -> Date {
        Date().addingTimeInterval(offset.withLock { $0 })
    }

    func advance(by interval: TimeInterval) {
        offset.withLock { $0 += interval }
    }
}
