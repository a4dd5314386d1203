import Foundation
import RapportCore
import Testing

@Suite("Journey anniversary: a time on the day a customer's date comes round, on their clock")
struct JourneyAnniversaryTests {
    static let nine = CampaignTimeOfDay(text: "09:00")!
    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("a date as an attribute writes it, or nothing")
    func monthDay() {
        #expect(JourneyAnniversary.monthDay("1990-06-07")! == (6, 7))
        #expect(JourneyAnniversary.monthDay("1990-06-07T10:00:00Z")! == (6, 7))
        #expect(JourneyAnniversary.monthDay("06-07") == nil && JourneyAnniversary.monthDay("1990-13-01") == nil && JourneyAnniversary.monthDay("soon") == nil)
    }

    @Test("this year's if ahead; at once on the day with the time passed; next year's after it; 29 February on the 28th; by the customer's zone")
    func next() {
        let kiritimati = TimeZone(identifier: "Pacific/Kiritimati")!  // UTC+14
        // 13:33 UTC on 4 December is 03:33 on 5 December there: nine that morning is 19:00 UTC.
        #expect(JourneyAnniversary.next(month: 12, day: 5, at: Self.nine, in: kiritimati, from: Self.utc("2026-12-04T13:33:00Z")) == Self.utc("2026-12-04T19:00:00Z"))
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let late = Self.utc("2026-12-05T20:00:00Z")
        #expect(JourneyAnniversary.next(month: 12, day: 5, at: Self.nine, in: berlin, from: late) == late, "the day itself, the time passed: at once")
        #expect(JourneyAnniversary.next(month: 12, day: 4, at: Self.nine, in: berlin, from: late) == Self.utc("2027-12-04T08:00:00Z"))
        #expect(JourneyAnniversary.next(month: 2, day: 29, at: Self.nine, in: .gmt, from: Self.utc("2027-01-10T00:00:00Z")) == Self.utc("2027-02-28T09:00:00Z"))
        #expect(JourneyAnniversary.next(month: 2, day: 29, at: Self.nine, in: .gmt, from: Self.utc("2028-01-10T00:00:00Z")) == Self.utc("2028-02-29T09:00:00Z"))
    }
}
