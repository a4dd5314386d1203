import Foundation

extension TimeZone {
    /// The offset from UTC, in seconds, at `instant` seconds since 1970.
    func offset(at instant: TimeInterval) -> TimeInterval {
        TimeInterval(secondsFromGMT(for: Date(timeIntervalSince1970: instant)))
    }

    /// The instant the offset changes, for two instants between which it changes exactly once:
    /// the first whole second that has the later offset. Bisects to the second, so about 18
    /// reads of the offset for instants three days apart; only `secondsFromGMT(for:)` is
    /// trusted, not how `Calendar` resolves a time that is skipped or repeated.
    func offsetChange(after earlier: TimeInterval, before later: TimeInterval) -> TimeInterval {
        let offsetBefore = offset(at: earlier)
        var low = earlier.rounded(.down)
        var high = later.rounded(.up)
        for _ in 0..<64 {
            guard high - low > 1 else { break }
            let middle = ((low + high) / 2).rounded(.down)
            if offset(at: middle) == offsetBefore {
                low = middle
            } else {
                high = middle
            }
        }
        return high
    }
}
