import Foundation
import RapportCore
import Testing

@Suite("UTC months")
struct UTCMonthTests {
    @Test("the arithmetic month agrees with the Gregorian calendar, across leap days, month ends and before 1970")
    func agreesWithCalendar() {
        let calendar = Calendar.utc
        var generator = SystemRandomNumberGenerator()
        let edges: [TimeInterval] = [
            0, -1, 951_782_399, 951_782_400, 951_868_800, 4_107_542_399, 4_107_542_400, -2_208_988_801, 1_709_251_199, 1_709_251_200,
        ]
        let samples = edges + (0..<5_000).map { _ in TimeInterval(Int64.random(in: -6_000_000_000...7_000_000_000, using: &generator)) }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month], from: date)
            let month = UTCMonth(date)
            #expect(month.year == parts.year, "year of \(seconds)")
            #expect(month.month == parts.month, "month of \(seconds)")
            #expect(month.start == calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: 1)))
            #expect(UTCMonth(index: month.index) == month)
        }
    }

    @Test("consecutive months count up by one across a year end")
    func consecutive() {
        let december = UTCMonth(Date(timeIntervalSince1970: 1_735_603_200))  // 2024-12-31
        let january = UTCMonth(Date(timeIntervalSince1970: 1_735_689_600))  // 2025-01-01
        #expect(january.index == december.index + 1)
        #expect(december.year == 2024 && december.month == 12)
        #expect(january.year == 2025 && january.month == 1)
        #expect(december < january)
    }
}
