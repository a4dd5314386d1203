import Foundation

/// A calendar month in UTC counted from year 0 (`year * 12 + month - 1`), computed with integer
/// arithmetic: reports bucket thousands of orders by month, and Foundation's calendar costs
/// microseconds a call.
public struct UTCMonth: Sendable, Hashable, Comparable {
    public let index: Int

    public init(index: Int) {
        self.index = index
    }

    /// The month `date` falls in (proleptic Gregorian, days from the civil-from-days algorithm).
    public init(_ date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        index = year * 12 + month - 1
    }

    public var year: Int { index >= 0 ? index / 12 : (index - 11) / 12 }
    public var month: Int { index - year * 12 + 1 }

    /// Midnight UTC on the month's first day.
    public var start: Date {
        Calendar.utc.date(from: DateComponents(year: year, month: month, day: 1)) ?? Date(timeIntervalSince1970: 0)
    }

    public static func < (left: UTCMonth, right: UTCMonth) -> Bool { left.index < right.index }
}
