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
        #expect(JourneyAnniversary.monthDay("2000-02-29")! == (2, 29))
        for bad in ["06-07", "1990-13-01", "1990-02-30", "1990-04-31", "1990-+6-07", "soon"] {
            #expect(JourneyAnniversary.monthDay(bad) == nil, "\(bad)")
        }
    }

    @Test("this year's if ahead; at once on the day with the time passed; next year's after it; 29 February on the 28th; by the customer's zone")
    func next() {
        let kiritimati = TimeZone(identifier: "Pacific/Kiritimati")!  // UTC+14
        // 13:33 UTC on 4 December is 03:33 on 5 December there: nine that morning is 19:00 UTC.
        #expect(JourneyAnniversary.next(month: 12, day: 5, at: Self.nine, in: kiritimati, from: Self.utc("2026-12-04T13:33:00Z"), catchingUp: true) == Self.utc("2026-12-04T19:00:00Z"))
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let afternoon = Self.utc("2026-12-05T14:00:00Z")  // 15:00 in Berlin
        #expect(JourneyAnniversary.next(month: 12, day: 5, at: Self.nine, in: berlin, from: afternoon, catchingUp: true) == afternoon, "the day itself, the time passed: at once")
        #expect(JourneyAnniversary.next(month: 12, day: 5, at: Self.nine, in: berlin, from: afternoon, catchingUp: false) == Self.utc("2027-12-05T08:00:00Z"), "back again the same day: next year")
        let evening = Self.utc("2026-12-05T20:00:00Z")  // 21:00 in Berlin
        #expect(JourneyAnniversary.next(month: 12, day: 5, at: Self.nine, in: berlin, from: evening, catchingUp: true) == Self.utc("2027-12-05T08:00:00Z"), "not at night")
        #expect(JourneyAnniversary.next(month: 12, day: 4, at: Self.nine, in: berlin, from: afternoon, catchingUp: true) == Self.utc("2027-12-04T08:00:00Z"))
        #expect(JourneyAnniversary.next(month: 1, day: 1, at: Self.nine, in: .gmt, from: Self.utc("2026-12-31T00:00:00Z"), catchingUp: true) == Self.utc("2027-01-01T09:00:00Z"))
        #expect(JourneyAnniversary.next(month: 2, day: 29, at: Self.nine, in: .gmt, from: Self.utc("2027-01-10T00:00:00Z"), catchingUp: true) == Self.utc("2027-02-28T09:00:00Z"))
        #expect(JourneyAnniversary.next(month: 2, day: 29, at: Self.nine, in: .gmt, from: Self.utc("2028-01-10T00:00:00Z"), catchingUp: true) == Self.utc("2028-02-29T09:00:00Z"))
    }

    @Test("in a walk: a loop back to the wait after the greeting waits for next year; a day gone by while the runner was down, or no date, ends the walk")
    func walk() throws {
        let definition = try JourneyWalkTests.definition("""
            {"trigger": {"manual": true}, "entry": "once", "steps": [
              {"key": "morning", "type": "wait_until", "time": "09:00", "anniversary_of": "birthday", "next": "greet"},
              {"key": "greet", "type": "update_profile", "add_tags": ["greeted"], "next": "morning"}]}
            """)
        let reached = Self.utc("2026-12-05T07:00:00Z")
        let facts = JourneyWalkFacts(timeZone: .gmt, splitDraw: { _ in 0 }, dates: ["birthday": "1990-12-05"])
        let (runs, end) = JourneyWalk.walk(definition, from: JourneyPosition(stepKey: "morning", visit: 1, since: reached), at: Self.utc("2026-12-05T09:00:00Z"), facts: facts, visits: { _ in 0 })
        #expect(runs.map(\.stepKey) == ["morning", "greet"])
        guard case .waiting(let position, let until) = end else { Issue.record("waits: \(end)"); return }
        #expect(position.stepKey == "morning" && until == Self.utc("2027-12-05T09:00:00Z"), "once a year")

        let (late, lateEnd) = JourneyWalk.walk(definition, from: JourneyPosition(stepKey: "morning", visit: 1, since: reached), at: Self.utc("2026-12-06T10:00:00Z"), facts: facts, visits: { _ in 0 })
        #expect(late.map(\.skipped) == ["anniversary_missed"] && lateEnd == .finished)
        let (sameDay, _) = JourneyWalk.walk(definition, from: JourneyPosition(stepKey: "morning", visit: 1, since: reached), at: Self.utc("2026-12-05T15:00:00Z"), facts: facts, visits: { _ in 0 })
        #expect(sameDay.first?.at == Self.utc("2026-12-05T15:00:00Z") && sameDay.first?.skipped == nil, "late the same afternoon: at once")
        let none = JourneyWalkFacts(timeZone: .gmt, splitDraw: { _ in 0 })
        let (undated, undatedEnd) = JourneyWalk.walk(definition, from: JourneyPosition(stepKey: "morning", visit: 1, since: reached), at: reached, facts: none, visits: { _ in 0 })
        #expect(undated.map(\.skipped) == ["no_date"] && undatedEnd == .finished)
    }
}
