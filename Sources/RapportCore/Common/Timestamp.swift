import Foundation

/// Conversions between `Date`, the API's ISO 8601 text and storage's integer microseconds (UTC).
public enum Timestamp {
    /// Microseconds since 1970-01-01T00:00:00Z, the stored form of every time.
    public static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    public static func date(microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }

    /// `2026-01-31T09:30:00.123Z`: always UTC, to the nearest millisecond. Computed directly (days to
    /// civil date after Howard Hinnant's algorithm): it runs for every time in every response.
    public static func iso8601(_ date: Date) -> String {
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let days = totalMilliseconds >= 0 ? totalMilliseconds / 86_400_000 : (totalMilliseconds - 86_399_999) / 86_400_000
        let millisecondOfDay = totalMilliseconds - days * 86_400_000
        let (year, month, day) = civilDate(unixDay: days)
        let seconds = millisecondOfDay / 1000
        var bytes = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int64, at offset: Int, width: Int) {
            var rest = value
            for index in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[index] = UInt8(48 + rest % 10)
                rest /= 10
            }
        }
        guard (0...9999).contains(year) else {
            // Outside four-digit years (not reachable from the API): let Foundation write it.
            return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
        }
        put(year, at: 0, width: 4)
        put(month, at: 5, width: 2)
        put(day, at: 8, width: 2)
        put(seconds / 3600, at: 11, width: 2)
        put(seconds / 60 % 60, at: 14, width: 2)
        put(seconds % 60, at: 17, width: 2)
        put(millisecondOfDay % 1000, at: 20, width: 3)
        for (offset, character) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z")] as [(Int, Unicode.Scalar)] {
            bytes[offset] = UInt8(character.value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses ISO 8601 date-times with or without fractional seconds and with any UTC offset.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) {
            return date
        }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    /// The Gregorian year, month (1–12) and day of a day counted from 1970-01-01 (Howard
    /// Hinnant's civil-from-days: 400-year eras of 146,097 days, years starting in March).
    public static func civilDate(unixDay: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let days = unixDay + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
