import Foundation
import RapportCore
import Testing

/// When a customer is told their points expire soon: from 30 days before the moment, once for
/// that moment, and not twice within 30 days.
@Suite("Loyalty expiry notices")
struct LoyaltyExpiryNoticeTests {
    static let day: TimeInterval = 86_400
    static let yearEnd = Timestamp.parse("2027-01-01T00:00:00Z")!

    static func notice(by: Date, at: Date) -> LoyaltyExpiryNotice {
        LoyaltyExpiryNotice(workspaceID: "wsp_1", customerID: "cus_1", points: 10, expiresBy: by, withinDays: nil, notifiedAt: at)
    }

    @Test("a year's end: told from 30 days before, once")
    func yearEnd() {
        let early = Self.yearEnd.addingTimeInterval(-31 * Self.day)
        let inPeriod = Self.yearEnd.addingTimeInterval(-30 * Self.day)
        #expect(!LoyaltyExpiryNotice.isDue(by: Self.yearEnd, last: nil, at: early))
        #expect(LoyaltyExpiryNotice.isDue(by: Self.yearEnd, last: nil, at: inPeriod))
        let told = Self.notice(by: Self.yearEnd, at: inPeriod)
        #expect(!LoyaltyExpiryNotice.isDue(by: Self.yearEnd, last: told, at: Self.yearEnd.addingTimeInterval(-1)), "once for that moment")
        let nextYearEnd = Timestamp.parse("2028-01-01T00:00:00Z")!
        #expect(LoyaltyExpiryNotice.isDue(by: nextYearEnd, last: told, at: nextYearEnd.addingTimeInterval(-10 * Self.day)), "next year, again")
    }

    @Test("points going every day: a notice a month at most")
    func rolling() {
        let start = Self.yearEnd
        let told = Self.notice(by: start.addingTimeInterval(30 * Self.day), at: start)
        let soon = start.addingTimeInterval(29 * Self.day)
        #expect(!LoyaltyExpiryNotice.isDue(by: soon.addingTimeInterval(30 * Self.day), last: told, at: soon))
        let later = start.addingTimeInterval(30 * Self.day)
        #expect(LoyaltyExpiryNotice.isDue(by: later.addingTimeInterval(30 * Self.day), last: told, at: later))
    }
}
