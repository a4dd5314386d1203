import Foundation
import RapportCore

/// Business hours in the API: `{"time_zone": "Europe/Berlin", "days": {"mon": ["09:00", "17:00"], …}}`.
enum SLARequests {
    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    static func businessHours(_ reader: inout JSONObjectReader) -> BusinessHours? {
        let zone = reader.requiredString("time_zone", maxLength: 64)
        var days: [Int: BusinessHours.Window] = [:]
        for (name, value) in reader.object("days") ?? [:] {
            guard let index = dayNames.firstIndex(of: name) else {
                reader.fail("days.\(name)", "is not a day; use \(dayNames.joined(separator: ", "))")
                continue
            }
            guard case .array(let pair) = value, pair.count == 2, case .string(let open) = pair[0], case .string(let close) = pair[1],
                let start = minutes(open), let end = minutes(close)
            else {
                reader.fail("days.\(name)", "must be [\"HH:MM\", \"HH:MM\"]")
                continue
            }
            days[index + 1] = BusinessHours.Window(start: start, end: end)
        }
        return zone.map { BusinessHours(timeZone: $0, days: days) }
    }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }

    static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
