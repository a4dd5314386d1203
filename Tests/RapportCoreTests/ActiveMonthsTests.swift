import Foundation
import RapportCore
import Testing

@Suite("Months a customer ordered in")
struct ActiveMonthsTests {
    /// Midnight UTC on the given day.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Date {
        Calendar.utc.date(from: DateComponents(year: year, month: month, day: day)) ?? .distantPast
    }

    @Test("a bit per month from the first order's month, in any order, repeats in a month counted once")
    func months() {
        let orders = [Self.day(2026, 4, 2), Self.day(2026, 1, 31), Self.day(2026, 2, 1), Self.day(2026, 2, 28)]
        let months = ActiveMonths(orders: orders)
        #expect(months.bits == 0b1011)
        #expect(months.contains(0) && months.contains(1) && !months.contains(2) && months.contains(3) && !months.contains(4))
        #expect(!months.contains(-1) && !months.contains(63))
    }

    @Test("months after the last that fits are left out; no orders, no months")
    func limits() {
        let first = Self.day(2026, 1, 15)
        let late = Calendar.utc.date(byAdding: .month, value: ActiveMonths.maximumOffset, to: first) ?? first
        let later = Calendar.utc.date(byAdding: .month, value: ActiveMonths.maximumOffset + 1, to: first) ?? first
        let months = ActiveMonths(orders: [first, late, later])
        #expect(months.contains(0) && months.contains(ActiveMonths.maximumOffset) && months.bits > 0)
        #expect(months.bits == 1 | (1 << Int64(ActiveMonths.maximumOffset)))
        #expect(ActiveMonths(orders: []).bits == 0)
    }

    @Test("a customer's purchases: first and last order, count and months, whatever order they came in")
    func purchases() {
        let purchases = CustomerPurchases(customerID: "c", placedAt: [Self.day(2026, 3, 5), Self.day(2026, 1, 9)], monetary: 4_200)
        #expect(purchases.firstOrderAt == Self.day(2026, 1, 9) && purchases.lastOrderAt == Self.day(2026, 3, 5))
        #expect(purchases.orders == 2 && purchases.activeMonths.bits == 0b101)
    }
}
