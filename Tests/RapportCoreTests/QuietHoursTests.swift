import Foundation
@testable import RapportCore
import Testing

/// Local times on fixed dates around the 2025 clock changes, whose rules are long settled:
/// Europe/Berlin 30 March (02:00 CET → 03:00 CEST) and 26 October (03:00 CEST → 02:00 CET), both at
/// 01:00 UTC; America/New_York 9 March and 2 November; Australia/Sydney 6 April (03:00 AEDT →
/// 02:00 AEST). Every expected instant was computed with Python 3.11's `zoneinfo` (tzdata 2025b)
/// by stepping minute by minute until the wall clock in every zone read an open time.
@Suite("Quiet hours")
struct QuietHoursTests {
    static func instant(_ text: String) -> Date {
        Timestamp.parse(text) ?? .distantPast
    }

    static func zone(_ identifier: String) throws -> TimeZone {
        try #require(TimeZone(identifier: identifier))
    }

    static func earliest(_ proposed: String, _ identifier: String, country: String? = nil) throws -> Date? {
        let timeZone = try zone(identifier)
        return QuietHours.standard.earliestDelivery(atOrAfter: instant(proposed), in: timeZone, country: country)
    }

    /// Whether the wall clock in `timeZone`, as `Calendar` reads it (the hour shown, also the
    /// second time through a repeated hour), is inside `window` at `date`.
    static func isOpen(_ window: DeliveryWindow, at date: Date, in timeZone: TimeZone) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        let minute = (parts.hour ?? -1) * 60 + (parts.minute ?? 0)
        return window.weekdays.contains(parts.weekday ?? 0) && window.opensAt <= minute && minute < window.closesAt
    }

    @Test("inside the window a message goes when proposed, from 08:00 sharp up to 21:00")
    func insideTheWindow() throws {
        // Tuesday 17 June 2025, New York (EDT, UTC−4): 12:00, 08:00 and 20:59:59.
        for proposed in ["2025-06-17T16:00:00Z", "2025-06-17T12:00:00Z", "2025-06-18T00:59:59Z"] {
            #expect(try Self.earliest(proposed, "America/New_York", country: "US") == Self.instant(proposed))
        }
        // An instant with a fraction of a second comes back unchanged, not rounded through 1970.
        let fractional = Date(timeIntervalSinceReferenceDate: 771_868_800.123_456_789)
        #expect(DeliveryWindow.daytime.earliestInstant(atOrAfter: fractional, in: try Self.zone("America/New_York")) == fractional)
    }

    @Test("at 21:00 and late in the evening, across midnight, it waits for 08:00 the next day")
    func acrossMidnight() throws {
        // 21:00 and 22:30 EDT on Tuesday → 08:00 EDT on Wednesday.
        #expect(try Self.earliest("2025-06-18T01:00:00Z", "America/New_York") == Self.instant("2025-06-18T12:00:00Z"))
        #expect(try Self.earliest("2025-06-18T02:30:00Z", "America/New_York") == Self.instant("2025-06-18T12:00:00Z"))
        // Before dawn the same day: 05:30 in Kolkata (UTC+5:30) → 08:00; 22:00 in Jakarta → 08:00 next day.
        #expect(try Self.earliest("2025-01-10T00:00:00Z", "Asia/Kolkata") == Self.instant("2025-01-10T02:30:00Z"))
        #expect(try Self.earliest("2025-01-10T15:00:00Z", "Asia/Jakarta", country: "ID") == Self.instant("2025-01-11T01:00:00Z"))
    }

    @Test("on the day Berlin's clocks spring forward, 08:00 is 08:00 summer time (06:00 UTC, not 07:00)")
    func berlinSpringForward() throws {
        // 01:30 CET on Sunday 30 March 2025.
        #expect(try Self.earliest("2025-03-30T00:30:00Z", "Europe/Berlin", country: "DE") == Self.instant("2025-03-30T06:00:00Z"))
    }

    @Test("on the day Berlin's clocks fall back, 08:00 is 08:00 winter time (07:00 UTC)")
    func berlinFallBack() throws {
        // 00:30 CEST on Sunday 26 October 2025.
        #expect(try Self.earliest("2025-10-25T22:30:00Z", "Europe/Berlin") == Self.instant("2025-10-26T07:00:00Z"))
    }

    @Test("an opening the clocks skip opens at the jump; in the repeated hour the wall clock decides, both times")
    func openingInAGapOrRepeat() throws {
        let berlin = try Self.zone("Europe/Berlin")
        let window = DeliveryWindow(opensAt: 2 * 60 + 30, closesAt: 21 * 60)
        // 02:30 does not exist on 30 March: at 01:00 UTC the clocks go from 02:00 to 03:00.
        #expect(window.earliestInstant(atOrAfter: Self.instant("2025-03-30T00:00:00Z"), in: berlin) == Self.instant("2025-03-30T01:00:00Z"))
        // 02:30 happens twice on 26 October: first in summer time, at 00:30 UTC.
        #expect(window.earliestInstant(atOrAfter: Self.instant("2025-10-25T23:00:00Z"), in: berlin) == Self.instant("2025-10-26T00:30:00Z"))
        // 02:40 the first time is open and goes at once.
        #expect(window.earliestInstant(atOrAfter: Self.instant("2025-10-26T00:40:00Z"), in: berlin) == Self.instant("2025-10-26T00:40:00Z"))
        // 02:10 the second time (01:10 UTC) is before 02:30 again: it waits until the clock reads
        // 02:30 once more, at 01:30 UTC, although 02:30 already came once that night.
        #expect(window.earliestInstant(atOrAfter: Self.instant("2025-10-26T01:10:00Z"), in: berlin) == Self.instant("2025-10-26T01:30:00Z"))
        #expect(window.earliestInstant(atOrAfter: Self.instant("2025-10-26T01:30:00Z"), in: berlin) == Self.instant("2025-10-26T01:30:00Z"))
    }

    @Test("a window closing at 02:30 closes at 02:30 summer time and opens again when the clock reads 02:00 a second time")
    func closingInTheRepeatedHour() throws {
        let berlin = try Self.zone("Europe/Berlin")
        let window = DeliveryWindow(opensAt: 0, closesAt: 2 * 60 + 30)
        #expect(window.earliestInstant(atOrAfter: Self.instant("2025-10-26T00:10:00Z"), in: berlin) == Self.instant("2025-10-26T00:10:00Z"))
        // 02:50 CEST is closed; at 01:00 UTC the clock reads 02:00 CET, inside again.
        #expect(window.earliestInstant(atOrAfter: Self.instant("2025-10-26T00:50:00Z"), in: berlin) == Self.instant("2025-10-26T01:00:00Z"))
        // 02:40 CET: closed until midnight.
        #expect(window.earliestInstant(atOrAfter: Self.instant("2025-10-26T01:40:00Z"), in: berlin) == Self.instant("2025-10-26T23:00:00Z"))
    }

    @Test("minute by minute through both of Berlin's 2025 clock-change nights, the answer is the first minute the wall clock shows open", arguments: [
        ("2025-03-29T23:00:00Z", "2025-03-30T02:00:00Z"), ("2025-10-25T22:00:00Z", "2025-10-26T03:00:00Z"),
    ])
    func clockChangeNights(from: String, until: String) throws {
        let berlin = try Self.zone("Europe/Berlin")
        let start = Self.instant(from)
        let proposals = Int(Self.instant(until).timeIntervalSince(start) / 60)
        #expect(proposals == 180 || proposals == 300, "00:00 to 04:00 local: three hours in spring, five in autumn")
        let windows = [
            DeliveryWindow.daytime,
            DeliveryWindow(opensAt: 150, closesAt: 1260),  // opens at 02:30, skipped or repeated
            DeliveryWindow(opensAt: 0, closesAt: 150),  // closes at 02:30
            DeliveryWindow(opensAt: 120, closesAt: 180),  // exactly the skipped or repeated hour
        ]
        for window in windows {
            // The wall clock's verdict for every minute from the first proposal to 30 hours on.
            // Windows, offsets and changes all fall on whole minutes, so the first open minute
            // at or after a proposal on a whole minute is the first open instant.
            let open = (0..<(30 * 60)).map { Self.isOpen(window, at: start.addingTimeInterval(TimeInterval($0) * 60), in: berlin) }
            for minute in 0..<proposals {
                let proposed = start.addingTimeInterval(TimeInterval(minute) * 60)
                let expected = try #require(open[minute...].firstIndex(of: true), "\(window) \(proposed)")
                let found = window.earliestInstant(atOrAfter: proposed, in: berlin)
                #expect(found == start.addingTimeInterval(TimeInterval(expected) * 60), "\(window) \(proposed)")
            }
        }
    }

    @Test("New York's clock changes: Saturday 23:00 EST waits for Sunday 08:00 EDT; 01:30 EDT on fall-back day for 08:00 EST")
    func newYork() throws {
        #expect(try Self.earliest("2025-03-09T04:00:00Z", "America/New_York", country: "US") == Self.instant("2025-03-09T12:00:00Z"))
        #expect(try Self.earliest("2025-11-02T05:30:00Z", "America/New_York", country: "US") == Self.instant("2025-11-02T13:00:00Z"))
    }

    @Test("Sydney's clocks fall back in April: Saturday 22:00 AEDT waits for Sunday 08:00 AEST")
    func sydney() throws {
        #expect(try Self.earliest("2025-04-05T11:00:00Z", "Australia/Sydney", country: "AU") == Self.instant("2025-04-05T22:00:00Z"))
    }

    @Test("in France a message may go until 22:00, but not on a Sunday: it waits for Monday 08:00")
    func franceSunday() throws {
        // Saturday 14 June 2025, 21:30 CEST: open in France, closed under the default window.
        #expect(try Self.earliest("2025-06-14T19:30:00Z", "Europe/Paris", country: "FR") == Self.instant("2025-06-14T19:30:00Z"))
        #expect(try Self.earliest("2025-06-14T19:30:00Z", "Europe/Paris", country: "BE") == Self.instant("2025-06-15T06:00:00Z"))
        // Saturday 22:00 and Sunday noon → Monday 16 June, 08:00 CEST.
        #expect(try Self.earliest("2025-06-14T20:00:00Z", "Europe/Paris", country: "FR") == Self.instant("2025-06-16T06:00:00Z"))
        #expect(try Self.earliest("2025-06-15T10:00:00Z", "Europe/Paris", country: "fr") == Self.instant("2025-06-16T06:00:00Z"))
    }

    @Test("the standard table: Klaviyo's 08:00–21:00 for its listed countries and everyone else, France 08:00–22:00 without Sundays")
    func standardTable() {
        let standard = QuietHours.standard
        for country in ["US", "CA", "GB", "IE", "DE", "NL", "AU", "NZ", "ID", "ZZ"] {
            #expect(standard.window(forCountry: country) == DeliveryWindow(opensAt: 480, closesAt: 1260, weekdays: [1, 2, 3, 4, 5, 6, 7]))
        }
        #expect(standard.window(forCountry: nil) == .daytime)
        let france = standard.window(forCountry: "fr")
        #expect(france.opensAt == 480 && france.closesAt == 1320)
        #expect(france.weekdays == [2, 3, 4, 5, 6, 7])
        let custom = QuietHours(fallback: DeliveryWindow(opensAt: 540, closesAt: 1200), countries: [:])
        #expect(custom.window(forCountry: "FR").opensAt == 540)
    }

    @Test("country keys are upper case from the start, also when decoded; two spellings of one country keep the stricter window")
    func countryKeysUpperCased() throws {
        let evening = DeliveryWindow(opensAt: 600, closesAt: 1200, weekdays: [2, 3, 4, 5, 6])
        let table = QuietHours(countries: ["fr": evening, "Id": .daytime])
        #expect(Set(table.countries.keys) == ["FR", "ID"])
        #expect(table.window(forCountry: "FR") == evening)

        let json = #"{"fallback":{"opensAt":480,"closesAt":1260,"weekdays":[1,2,3,4,5,6,7]},"countries":{"de":{"opensAt":540,"closesAt":1200,"weekdays":[2,3,4,5,6]}}}"#
        let decoded = try JSONDecoder().decode(QuietHours.self, from: Data(json.utf8))
        #expect(Array(decoded.countries.keys) == ["DE"])
        #expect(decoded.window(forCountry: "DE").opensAt == 540)
        #expect(try JSONDecoder().decode(QuietHours.self, from: JSONEncoder().encode(decoded)) == decoded)

        let both = QuietHours(countries: ["fr": DeliveryWindow(opensAt: 480, closesAt: 1320, weekdays: [2, 3, 4, 5, 6, 7]), "FR": evening])
        #expect(both.countries == ["FR": DeliveryWindow(opensAt: 600, closesAt: 1200, weekdays: [2, 3, 4, 5, 6])])
    }

    @Test("a window that never opens gives no instant instead of searching forever")
    func neverOpens() throws {
        let berlin = try Self.zone("Europe/Berlin")
        let proposed = Self.instant("2025-06-17T10:00:00Z")
        let never = [
            DeliveryWindow(opensAt: 480, closesAt: 1260, weekdays: []),
            DeliveryWindow(opensAt: 480, closesAt: 1260, weekdays: [0, 8]),
            DeliveryWindow(opensAt: 600, closesAt: 600),
            DeliveryWindow(opensAt: 1260, closesAt: 480),
            DeliveryWindow(opensAt: -60, closesAt: 480),
            DeliveryWindow(opensAt: 480, closesAt: 1500),
        ]
        for window in never {
            #expect(window.earliestInstant(atOrAfter: proposed, in: berlin) == nil, "\(window)")
        }
        // One open day a week is found, however far ahead: from Tuesday to Sunday 08:00 CEST.
        let sundays = DeliveryWindow(opensAt: 480, closesAt: 1260, weekdays: [1])
        #expect(sundays.earliestInstant(atOrAfter: proposed, in: berlin) == Self.instant("2025-06-22T06:00:00Z"))
        // The whole day, midnight to midnight, is open at once.
        #expect(DeliveryWindow(opensAt: 0, closesAt: 1440).earliestInstant(atOrAfter: proposed, in: berlin) == proposed)
    }

    @Test("weekdays are counted from 1970-01-01, a Thursday, the way Foundation numbers them, before 1970 too")
    func weekdayArithmetic() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try Self.zone("UTC")
        #expect(DeliveryWindow.weekday(ofDay: 0) == 5)
        for day in stride(from: -800, through: 25_000, by: 37) {
            let date = Date(timeIntervalSince1970: TimeInterval(day) * 86_400)
            #expect(DeliveryWindow.weekday(ofDay: day) == calendar.component(.weekday, from: date), "day \(day)")
        }
    }

    @Test("through 2025 in six zones and windows, the answer is never early, always open, and no open time comes before it")
    func sweepThroughTheYear() throws {
        let cases: [(String, DeliveryWindow)] = [
            ("Europe/Berlin", .daytime), ("America/New_York", .daytime), ("Australia/Sydney", .daytime),
            ("Asia/Kolkata", .daytime), ("Europe/Paris", QuietHours.standard.window(forCountry: "FR")),
            // Opens at 02:30, inside the hour Berlin's clocks skip in March and repeat in October.
            ("Europe/Berlin", DeliveryWindow(opensAt: 150, closesAt: 1260)),
        ]
        let start = Self.instant("2025-01-01T00:00:17Z")
        for (identifier, window) in cases {
            let timeZone = try Self.zone(identifier)
            // 500 proposals 1,051 minutes apart: every time of day, every weekday, both clock changes.
            for step in 0..<500 {
                let proposed = start.addingTimeInterval(TimeInterval(step) * 1051 * 60)
                let found = try #require(window.earliestInstant(atOrAfter: proposed, in: timeZone))
                #expect(found >= proposed, "\(identifier) \(proposed)")
                #expect(Self.isOpen(window, at: found, in: timeZone), "\(identifier) \(proposed) → \(found)")
                guard found > proposed else { continue }
                #expect(!Self.isOpen(window, at: found.addingTimeInterval(-1), in: timeZone), "\(identifier) \(proposed) → \(found)")
                var probe = proposed
                while probe < found {
                    #expect(!Self.isOpen(window, at: probe, in: timeZone), "\(identifier) open at \(probe), before \(found)")
                    probe.addTimeInterval(30 * 60)
                }
            }
        }
    }
}
