import Foundation

/// The yearly recurrence that `anniversary_within_days` reads: a date (a birthday, the day a
/// customer signed up) comes round every year on its month and day in UTC, and 29 February
/// comes round on 28 February in a year without one.
public enum SegmentAnniversary {
    /// The widest window, in days after today: with today, 366 days, in which every date comes round.
    public static let maximumDays = 365

    /// The month-days (`MM-DD`) that come round today or within the next `days` days, counted in
    /// UTC days from `now`'s: every day of the window, and `02-29` beside a 28 February of a year
    /// without a 29th.
    public static func monthDays(within days: Int, of now: Date) -> [String] {
        let today = Calendar.utc.startOfDay(for: now)
        var found: [String] = []
        var seen = Set<String>()
        for offset in 0...max(0, min(days, maximumDays)) {
            guard let day = Calendar.utc.date(byAdding: .day, value: offset, to: today) else { continue }
            let parts = Calendar.utc.dateComponents([.year, .month, .day], from: day)
            guard let year = parts.year, let month = parts.month, let dayOfMonth = parts.day else { continue }
            var due = [text(month: month, day: dayOfMonth)]
            if month == 2, dayOfMonth == 28, !isLeap(year) { due.append(text(month: 2, day: 29)) }
            for monthDay in due where seen.insert(monthDay).inserted { found.append(monthDay) }
        }
        return found
    }

    /// How many days into a leap year (2000) a month and day falls: 0 for 1 January, 59 for
    /// 29 February, 365 for 31 December. The store counts stored dates the same way.
    public static func dayOfLeapYear(month: Int, day: Int) -> Int {
        let before = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335]
        return before[min(max(month, 1), 12) - 1] + day - 1
    }

    /// `dayOfLeapYear` of the UTC day that `date` falls in.
    public static func dayOfLeapYear(of date: Date) -> Int {
        let parts = Calendar.utc.dateComponents([.month, .day], from: date)
        return dayOfLeapYear(month: parts.month ?? 1, day: parts.day ?? 1)
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func text(month: Int, day: Int) -> String {
        String(format: "%02d-%02d", month, day)
    }
}
