import Foundation

/// When a `wait_until` with `anniversary_of` ends: at its time of day, on the customer's own
/// clock, on the day a date of theirs (a custom attribute written `1990-06-07` or as an ISO
/// 8601 time, as the segment language reads it) comes round — 29 February on 28 February in a
/// year without one. The day itself already begun and the time passed, at once: a birthday
/// greeting reached late in the day still goes that day, not a year later.
public enum JourneyAnniversary {
    /// The month and day of a date as a custom attribute writes it; nil for anything else.
    public static func monthDay(_ text: String) -> (month: Int, day: Int)? {
        let characters = Array(text.prefix(10))
        guard characters.count == 10, characters[4] == "-", characters[7] == "-",
            let month = Int(String(characters[5...6])), let day = Int(String(characters[8...9])),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return (month, day)
    }

    /// The first time the date comes round at `time` in `zone` from `since` on: this year's if
    /// ahead, `since` itself on the day when the time has passed, else next year's.
    public static func next(month: Int, day: Int, at time: CampaignTimeOfDay, in zone: TimeZone, from since: Date) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let year = calendar.dateComponents([.year], from: since).year else { return nil }
        func instant(_ year: Int) -> Date? {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let shown = month == 2 && day == 29 && !leap ? 28 : day
            return calendar.date(from: DateComponents(year: year, month: month, day: shown, hour: time.hour, minute: time.minute))
        }
        guard let thisYear = instant(year) else { return nil }
        if thisYear >= since { return thisYear }
        if calendar.isDate(thisYear, inSameDayAs: since) { return since }
        return instant(year + 1)
    }
}
