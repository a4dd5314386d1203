import Foundation
@testable import RapportCore
import Testing

@Suite("Frequency cap")
struct FrequencyCapTests {
    /// Monday 3 May 2027, 10:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_809_338_400)
    static let day: TimeInterval = 86_400

    static func daysAgo(_ days: Double) -> Date {
        now.addingTimeInterval(-days * day)
    }

    @Test("two sends in the last seven days leave room for a third, at once")
    func underTheCap() {
        let sends = [Self.daysAgo(1), Self.daysAgo(2)]
        #expect(FrequencyCap.standard.allows(at: Self.now, given: sends))
        #expect(FrequencyCap.standard.earliestAllowed(atOrAfter: Self.now, given: sends) == Self.now)
    }

    @Test("three sends in seven days hold a fourth until the oldest is seven days old")
    func atTheCap() {
        let sends = [Self.daysAgo(6), Self.daysAgo(3), Self.now.addingTimeInterval(-3600)]
        #expect(!FrequencyCap.standard.allows(at: Self.now, given: sends))
        #expect(FrequencyCap.standard.earliestAllowed(atOrAfter: Self.now, given: sends) == Self.now.addingTimeInterval(Self.day))
        // The order the sends are given in does not matter.
        #expect(FrequencyCap.standard.earliestAllowed(atOrAfter: Self.now, given: sends.reversed()) == Self.now.addingTimeInterval(Self.day))
    }

    @Test("a send exactly seven days ago has left the window; one a second later has not")
    func windowEdge() {
        let recent = [Self.daysAgo(3), Self.daysAgo(1)]
        #expect(FrequencyCap.standard.allows(at: Self.now, given: [Self.daysAgo(7)] + recent))
        let justInside = [Self.daysAgo(7).addingTimeInterval(1)] + recent
        #expect(!FrequencyCap.standard.allows(at: Self.now, given: justInside))
        #expect(FrequencyCap.standard.earliestAllowed(atOrAfter: Self.now, given: justInside) == Self.now.addingTimeInterval(1))
    }

    @Test("sends older than the window do not count, however many")
    func oldSends() {
        let old = (8...30).map { Self.daysAgo(Double($0)) }
        #expect(FrequencyCap.standard.allows(at: Self.now, given: old))
        #expect(FrequencyCap.standard.allows(at: Self.now, given: old + [Self.daysAgo(1), Self.daysAgo(2)]))
    }

    @Test("over the cap (four sends in seven days), two must leave before another may go")
    func overTheCap() {
        let sends = [Self.daysAgo(6), Self.daysAgo(5), Self.daysAgo(2), Self.daysAgo(1)]
        #expect(!FrequencyCap.standard.allows(at: Self.now.addingTimeInterval(Self.day), given: sends))
        #expect(FrequencyCap.standard.earliestAllowed(atOrAfter: Self.now, given: sends) == Self.now.addingTimeInterval(2 * Self.day))
    }

    @Test("a send already planned after the proposed time counts against the times after it")
    func laterSend() {
        let sends = [Self.daysAgo(6), Self.daysAgo(3), Self.now.addingTimeInterval(-3600), Self.now.addingTimeInterval(3600)]
        // Day +1: the send of 3 days ago, the one an hour ago and the one an hour ahead are three.
        #expect(!FrequencyCap.standard.allows(at: Self.now.addingTimeInterval(Self.day), given: sends))
        #expect(FrequencyCap.standard.earliestAllowed(atOrAfter: Self.now, given: sends) == Self.now.addingTimeInterval(4 * Self.day))
    }

    @Test("a cap of no messages allows none, ever")
    func zeroCap() throws {
        let none = try #require(FrequencyCap(messages: 0, days: 7))
        #expect(!none.allows(at: Self.now, given: []))
        #expect(none.earliestAllowed(atOrAfter: Self.now, given: []) == nil)
    }

    @Test("a window of no days or fewer, or fewer than no messages, makes no cap, made or decoded")
    func invalidCaps() throws {
        for (messages, days) in [(3, 0), (3, -7), (-1, 7), (-1, 0)] {
            #expect(FrequencyCap(messages: messages, days: days) == nil, "\(messages) in \(days)")
            let json = Data(#"{"messages":\#(messages),"days":\#(days)}"#.utf8)
            #expect(throws: DecodingError.self, "\(messages) in \(days)") { try JSONDecoder().decode(FrequencyCap.self, from: json) }
        }
        #expect(FrequencyCap(messages: 1, days: 1) != nil)
        let decoded = try JSONDecoder().decode(FrequencyCap.self, from: Data(#"{"messages":2,"days":14}"#.utf8))
        #expect(decoded.messages == 2 && decoded.days == 14)
        #expect(try JSONDecoder().decode(FrequencyCap.self, from: JSONEncoder().encode(FrequencyCap.standard)) == .standard)
    }

    @Test("the customer's weekly or monthly choice is one message in 7 or 30 days; any sets no cap")
    func contactFrequency() throws {
        #expect(FrequencyCap.standard.messages == 3 && FrequencyCap.standard.days == 7)
        #expect(FrequencyCap.chosen(by: .any) == nil)
        let monthly = try #require(FrequencyCap.chosen(by: .monthly))
        #expect(monthly.messages == 1 && monthly.days == 30)
        let weekly = try #require(FrequencyCap.chosen(by: .weekly))
        #expect(weekly.messages == 1 && weekly.days == 7)
        let sends = [Self.daysAgo(6), Self.daysAgo(2)]
        // The workspace cap allows a third message now; the customer's weekly choice waits five days.
        let workspace = try #require(FrequencyCap.standard.earliestAllowed(atOrAfter: Self.now, given: sends))
        let customer = try #require(weekly.earliestAllowed(atOrAfter: Self.now, given: sends))
        #expect(workspace == Self.now)
        #expect(customer == Self.now.addingTimeInterval(5 * Self.day))
        let both = max(workspace, customer)
        #expect(FrequencyCap.standard.allows(at: both, given: sends) && weekly.allows(at: both, given: sends))
        #expect(!weekly.allows(at: both.addingTimeInterval(-1), given: sends))
    }
}
