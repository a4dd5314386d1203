import Foundation
import RapportCore
import Testing

@Suite("Journey re-buy interval: a customer's own rhythm from their orders")
struct JourneyRebuyIntervalTests {
    static let day: TimeInterval = 86_400
    static func days(_ offsets: [Double]) -> [Date] { offsets.map { Date(timeIntervalSince1970: 1_700_000_000 + $0 * day) } }

    @Test("the median gap between purchases, orders within a day counted as one, kept between a day and a year; unknown with one purchase")
    func interval() {
        #expect(JourneyRebuyInterval.of(Self.days([0])) == nil)
        #expect(JourneyRebuyInterval.of(Self.days([0, 0.2])) == nil, "two orders the same day are one purchase")
        #expect(JourneyRebuyInterval.of(Self.days([0, 10])) == 10 * Self.day)
        #expect(JourneyRebuyInterval.of(Self.days([30, 0, 10, 10.5, 60])) == 20 * Self.day, "gaps 10, 20, 30 (10.5 folded into 10), unsorted input")
        #expect(JourneyRebuyInterval.of(Self.days([0, 10, 40, 50])) == 10 * Self.day, "gaps 10, 30, 10: the median, not the mean")
        #expect(JourneyRebuyInterval.of(Self.days([0, 10, 30, 60])) == 20 * Self.day)
        #expect(JourneyRebuyInterval.of(Self.days([0, 900])) == JourneyRebuyInterval.longest)
    }

    @Test("a wait with `rebuy_interval` waits until the customer's next purchase is due (never before it was reached), its duration while unknown")
    func walk() throws {
        let definition = try JourneyWalkTests.definition("""
            {"trigger": {"manual": true}, "steps": [
              {"key": "low", "type": "wait", "duration": {"days": 30}, "rebuy_interval": true, "next": "tag"},
              {"key": "tag", "type": "update_profile", "add_tags": ["due"]}]}
            """)
        #expect(definition.steps[0].kind == .waitRebuyInterval(fallbackSeconds: 30 * Self.day, next: "tag"))
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let position = JourneyPosition(stepKey: "low", visit: 1, since: start)
        #expect(JourneyRebuyInterval.due(Self.days([0, 10, 20])) == Self.days([30])[0])
        for (due, expected) in [(start.addingTimeInterval(9 * Self.day), 9 * Self.day), (start.addingTimeInterval(-Self.day), 0), (nil, 30 * Self.day)] as [(Date?, TimeInterval)] {
            let facts = JourneyWalkFacts(timeZone: .gmt, splitDraw: { _ in 0 }, rebuyDue: due)
            let (runs, end) = JourneyWalk.walk(definition, from: position, at: start, facts: facts, visits: { _ in 0 })
            if expected == 0 {
                #expect(runs.map(\.stepKey) == ["low", "tag"], "already due: goes on at once")
                continue
            }
            guard case .waiting(_, let until) = end else { Issue.record("waits: \(end)"); continue }
            #expect(until == start.addingTimeInterval(expected))
        }
    }
}
