import Foundation

/// When a `wait_until` with `anniversary_of` ends: at its time of day, on the customer's own
/// clock, on the day a date of theirs (a custom attribute written `1990-06-07` or as an ISO
/// 8601 time, as the segment language reads it) comes round — 29 February on 28 February in a
/// year without one. Reached on the day itself with the time passed, the first time only and
/// before `latestHour`, at once: a customer who signs up on their birthday is still greeted
/// that day, and a loop back to the wait waits for next year.
public enum JourneyAnniversary {
    /// The hour on the customer's clock after which a day's anniversary is not caught up.
    public static let latestHour = 20

    /// The month and day of a date as a custom attribute writes it (`YYYY-MM-DD…`, a day the
    /// month has); nil for anything else.
    public static func monthDay(_ text: String) -> (month: Int, day: Int)? {
        let characters = Array(text.utf8.prefix(10))
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard characters.count == 10, characters[4] == UInt8(ascii: "-"), characters[7] == UInt8(ascii: "-"),
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(characters[$0]) })
        else { return nil }
        let number = { (from: Int) in Int(characters[from] - UInt8(ascii: "0")) * 10 + Int(characters[from + 1] - UInt8(ascii: "0")) }
        let (month, day) = (number(5), number(8))
        let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...longest[month - 1]).contains(day) else { return nil }
        return (month, day)
    }

    /// The first time the date comes round at `time` in `zone` from `since` on: this year's if
    /// ahead (or at `since`, when `catchingUp`); `since` itself when `catchingUp` and `since`
    /// is on the day before `latestHour`; else next year's. `catchingUp` is for the first
    /// visit to the step: a walk back to it is for the next anniversary.
    public static func next(month: Int, day: Int, at time: CampaignTimeOfDay, in zone: TimeZone, from since: Date, catchingUp: Bool) -> Date? {
        let calendar = CampaignDeliveryTiming.calendar(in: zone)
        guard let year = calendar.dateComponents([.year], from: since).year, let thisYear = instant(month, day, year, time, calendar) else { return nil }
        // Back at the wait the moment it ended (a loop) is no new anniversary.
        if thisYear > since || (thisYear == since && catchingUp) { return thisYear }
        if catchingUp, isCatchUp(since, month: month, day: day, in: zone) { return since }
        return instant(month, day, year + 1, time, calendar)
    }

    /// Whether `moment` is on the date's day this year on the clock of `zone`, before `latestHour`.
    public static func isCatchUp(_ moment: Date, month: Int, day: Int, in zone: TimeZone) -> Bool {
        let calendar = CampaignDeliveryTiming.calendar(in: zone)
        guard let year = calendar.dateComponents([.year], from: moment).year, let midnight = CampaignTimeOfDay(text: "00:00"),
            let thisYear = instant(month, day, year, midnight, calendar)
        else { return false }
        return calendar.isDate(thisYear, inSameDayAs: moment) && calendar.component(.hour, from: moment) < latestHour
    }

    private static func instant(_ month: Int, _ day: Int, _ year: Int, _ time: CampaignTimeOfDay, _ calendar: Calendar) -> Date? {
        let shown = month == 2 && day == 29 && !SegmentAnniversary.isLeap(year) ? 28 : day
        return calendar.date(from: DateComponents(year: year, month: month, day: shown, hour: time.hour, minute: time.minute))
    }
}
