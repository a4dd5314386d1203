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

    /// `2026-01-31T09:30:00.123Z`: always UTC, always milliseconds.
    public static func iso8601(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Parses ISO 8601 date-times with or without fractional seconds and with any UTC offset.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) {
            return date
        }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
