import Foundation

/// The local days and hours in which a marketing message may arrive, read on the recipient's wall
/// clock: a message may arrive at an instant when that clock shows an open weekday and a time
/// from `opensAt` up to, not including, `closesAt`. A window does not run past midnight.
///
/// Only the wall clock counts, also on the nights clocks change. When they spring forward over
/// the opening, the window opens at the jump (02:30 never shows; at 03:00 it is open). When they
/// fall back, the repeated hour is read as the clock shows it each time: with an opening at
/// 02:30, 02:40 the first time is open, 02:10 the second time is not, and a message proposed then
/// waits until the clock reads 02:30 again.
public struct DeliveryWindow: Sendable, Equatable, Codable {
    /// When the window opens, in minutes after local midnight (480 is 08:00).
    public var opensAt: Int
    /// When it closes, in minutes after local midnight; the minute itself is closed (1260 is
    /// 21:00, so 20:59 is the last open minute). At most 1440.
    public var closesAt: Int
    /// The open days, as Foundation numbers weekdays: 1 = Sunday, 2 = Monday … 7 = Saturday.
    /// Other numbers are ignored.
    public var weekdays: Set<Int>

    /// A window from `opensAt` to `closesAt` (minutes after local midnight) on `weekdays`
    /// (1 = Sunday … 7 = Saturday), every day unless told otherwise. Not checked here: a window
    /// that can never open gives no instant.
    public init(opensAt: Int, closesAt: Int, weekdays: Set<Int> = Set(1...7)) {
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.weekdays = weekdays
    }

    /// 08:00 to 21:00, every day.
    public static let daytime = DeliveryWindow(opensAt: 8 * 60, closesAt: 21 * 60)

    /// The earliest instant at or after `proposed` when a clock in `timeZone` shows an open day
    /// and time: `proposed` itself when it is inside, else the next opening (see the type's
    /// notes for the nights clocks change). Nil when the window never opens: no weekday in 1…7,
    /// or not 0 ≤ opensAt < closesAt ≤ 1440.
    ///
    /// Built to run for every recipient of a campaign: weekdays are counted from the day number
    /// (1970-01-01 was a Thursday), not asked of `Calendar`, and the zone is asked for its offset
    /// twice unless a clock change falls between `proposed` and the answer. Assumes a zone
    /// changes its offset at most once in any eight days, as every zone's current rules do.
    public func earliestInstant(atOrAfter proposed: Date, in timeZone: TimeZone) -> Date? {
        guard let openDays = openWeekdays else { return nil }
        let start = proposed.timeIntervalSince1970
        let offset = TimeInterval(timeZone.secondsFromGMT(for: proposed))
        // Under one offset the answer is simple arithmetic; it stands when the clock still has
        // that offset at the answer, since then it had it all the way there.
        let found: TimeInterval?
        if let simple = earliestInstant(atOrAfter: start, withOffset: offset, openDays: openDays), timeZone.offset(at: simple) == offset {
            found = simple
        } else {
            found = earliestInstantAcrossClockChange(atOrAfter: start, wallDay: Self.dayNumber(start + offset), in: timeZone, openDays: openDays)
        }
        // `proposed` itself when it is open: seconds since 1970 and back can move a fractional
        // instant by a fraction of a microsecond, and callers compare the answer with it.
        return found.map { $0 > start ? Date(timeIntervalSince1970: $0) : proposed }
    }

    /// The earliest instant at or after `proposed` when the window is open on every one of
    /// `zones`' clocks at once, for a recipient who may be in any of them (a +1 number without a
    /// profile zone: 08:00 must have come in Honolulu and 21:00 not yet in St. John's). Each zone
    /// in turn moves the candidate to its own next opening until a whole round moves it no more;
    /// the candidate only ever grows and never passes the earliest common opening, so that is
    /// where it stops. Nil when `zones` is empty, when the window never opens, or when no common
    /// opening comes within 16 days (a window too narrow to be open everywhere at once, such as
    /// one of two hours across Russia's ten; or one wide enough only while the zones' clock
    /// changes bring them closer, as a 7-hour window across +1's clocks is in winter alone).
    public func earliestInstant(atOrAfter proposed: Date, inEvery zones: [TimeZone]) -> Date? {
        guard let first = zones.first else { return nil }
        guard zones.count > 1 else { return earliestInstant(atOrAfter: proposed, in: first) }
        var candidate = proposed
        let horizon = proposed.addingTimeInterval(16 * 86_400)
        // Every move lands on some zone's opening, and 16 days hold 16 openings per zone.
        for _ in 0..<(16 * zones.count) where candidate <= horizon {
            var moved = false
            for zone in zones {
                guard let opening = earliestInstant(atOrAfter: candidate, in: zone) else { return nil }
                if opening > candidate {
                    candidate = opening
                    moved = true
                }
            }
            if !moved { return candidate }
        }
        return nil
    }

    /// The Foundation weekday (1 = Sunday … 7 = Saturday) of a day counted from 1970-01-01, a
    /// Thursday.
    static func weekday(ofDay day: Int) -> Int {
        ((day + 4) % 7 + 7) % 7 + 1
    }

    /// The day number of a wall-clock reading: seconds since 1970-01-01 00:00 on the local clock,
    /// the instant plus its offset. Every local day is 86,400 of them, whatever the clocks did.
    static func dayNumber(_ wallClockSeconds: TimeInterval) -> Int {
        Int((wallClockSeconds / 86_400).rounded(.down))
    }

    /// The open weekdays as bits 1…7, or nil when the window can never open.
    private var openWeekdays: UInt8? {
        guard 0 <= opensAt, opensAt < closesAt, closesAt <= 24 * 60 else { return nil }
        var bits: UInt8 = 0
        for weekday in weekdays where (1...7).contains(weekday) {
            bits |= 1 << weekday
        }
        return bits == 0 ? nil : bits
    }

    /// The earliest instant (seconds since 1970) at or after `start` when a clock `offset`
    /// seconds ahead of UTC shows an open day and time. Within eight days there is one.
    private func earliestInstant(atOrAfter start: TimeInterval, withOffset offset: TimeInterval, openDays: UInt8) -> TimeInterval? {
        let firstDay = Self.dayNumber(start + offset)
        for day in firstDay..<(firstDay + 8) where openDays & (1 << Self.weekday(ofDay: day)) != 0 {
            let midnight = TimeInterval(day) * 86_400
            let opens = midnight + TimeInterval(opensAt) * 60 - offset
            let closes = midnight + TimeInterval(closesAt) * 60 - offset
            let earliest = max(start, opens)
            if earliest < closes { return earliest }
        }
        return nil
    }

    /// The same when the offset changes on the way. A local day's instants are split at the
    /// change into those read with the offset before it and those read with the offset after it;
    /// each part is open from the opening to the closing as that offset reads them. On a night
    /// the clocks fall back a day's instants can come after the next day's first ones, so the
    /// day after the first that has an answer is looked at too. The search starts the day before
    /// `wallDay`, which a clock turned back over midnight shows again.
    private func earliestInstantAcrossClockChange(
        atOrAfter start: TimeInterval, wallDay: Int, in timeZone: TimeZone, openDays: UInt8
    ) -> TimeInterval? {
        var best: TimeInterval?
        var lastDay = wallDay + 15
        var day = wallDay - 1
        while day <= lastDay {
            defer { day += 1 }
            guard openDays & (1 << Self.weekday(ofDay: day)) != 0 else { continue }
            let midnight = TimeInterval(day) * 86_400
            let opens = midnight + TimeInterval(opensAt) * 60
            let closes = midnight + TimeInterval(closesAt) * 60
            // Every instant of the local day lies between these two, whatever the zone's offset.
            let before = midnight - 86_400
            let after = midnight + 2 * 86_400
            let offsetBefore = timeZone.offset(at: before)
            let offsetAfter = timeZone.offset(at: after)
            let parts: [(from: TimeInterval, until: TimeInterval)]
            if offsetBefore == offsetAfter {
                parts = [(opens - offsetBefore, closes - offsetBefore)]
            } else {
                let change = timeZone.offsetChange(after: before, before: after)
                parts = [(opens - offsetBefore, min(closes - offsetBefore, change)), (max(opens - offsetAfter, change), closes - offsetAfter)]
            }
            for part in parts {
                let earliest = max(start, part.from)
                if earliest < part.until, earliest < (best ?? .infinity) { best = earliest }
            }
            if best != nil, lastDay > day + 1 { lastDay = day + 1 }
        }
        return best
    }
}
