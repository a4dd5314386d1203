import Foundation
import RapportCore
import Synchronization

/// The time the demo's history is written at: set to a moment in the past and moved on as
/// each conversation unfolds.
final class DemoClock: WallClock {
    private let moment: Mutex<Date>

    init(at start: Date) {
        moment = Mutex(start)
    }

    func now() -> Date { moment.withLock { $0 } }

    func set(_ date: Date) {
        moment.withLock { $0 = date }
    }
}
