import Foundation

/// A date and time on the recipient's own clock, with no zone: `2026-12-10T09:00` is nine in
/// the morning of 10 December wherever each recipient is.
public struct CampaignLocalTime: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int

    /// The furthest any zone runs ahead of UTC (Kiribati's Line Islands, UTC+14): the wall
    /// clock there shows a time this long before UTC's does.
    static let earliestOffset: TimeInterval = 14 * 3_600

    /// Reads `YYYY-MM-DDTHH:MM` (years 2000 to 9999); nil for anything else, or a day the
    /// month does not have.
    public init?(text: String) {
        let characters = Array(text.utf8)
        guard characters.count == 16, characters[4] == UInt8(ascii: "-"), characters[7] == UInt8(ascii: "-"),
              characters[10] == UInt8(ascii: "T"), characters[13] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let character = characters[index]
                guard character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(character - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), (2000...9999).contains(year), (1...12).contains(month), hour < 24, minute < 60
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard day >= 1, let date = Calendar.utc.date(from: components), Calendar.utc.component(.day, from: date) == day else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// `YYYY-MM-DDTHH:MM`.
    public var text: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T\(padded(hour, 2)):\(padded(minute, 2))"
    }

    /// The instant a clock on UTC shows this time.
    public var inUTC: Date {
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        return Calendar.utc.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// The first instant any clock on Earth shows this time (at UTC+14).
    public var earliestInstant: Date { inUTC.addingTimeInterval(-Self.earliestOffset) }
}
