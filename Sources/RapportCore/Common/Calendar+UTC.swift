import Foundation

extension Calendar {
    /// The Gregorian calendar in UTC: the days reports count in.
    public static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()
}
