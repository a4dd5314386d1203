import Foundation
@testable import RapportCore
import Testing

@Suite("Loyalty rules, without a database")
struct LoyaltyOrderRuleTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    static func program(rate: Int64 = 100, pendingDays: Int = 14) -> LoyaltyProgram {
        LoyaltyProgram(workspaceID: "wsp_1", earnPerCurrencyUnitHundredths: rate, pendingDays: pendingDays, startedAt: start, updatedAt: start)
    }

    static func order(total: Int64, currency: String = "EUR", status: OrderStatus = .paid, refunded: Int64 = 0) -> LoyaltyOrder {
        LoyaltyOrder(
            id: "ord_1", workspaceID: "wsp_1", customerID: "cus_1", number: "1001", status: status, currency: currency,
            totals: OrderTotals(subtotal: total, discount: 0, tax: 0, shipping: 0, total: total, refunded: refunded),
            placedAt: start, fulfilledAt: nil, deliveredAt: nil, createdAt: start)
    }

    /// Runs the rule the way the ledger does: entries added to the standing, each origin once.
    static func run(_ order: LoyaltyOrder, _ program: LoyaltyProgram, on standing: inout LoyaltyOrderStanding, origins: inout Set<String>, at now: Date) -> [LoyaltyEntry] {
        var counter = 0
        let entries = LoyaltyOrderRule.entries(for: order, program: program, standing: standing, at: now) {
            counter += 1
            return "lye_\(counter)"
        }.filter { origins.insert($0.origin).inserted }
        for entry in entries { standing.count(entry) }
        return entries
    }

    @Test("whole points per whole unit of the order's currency, with the rate exact in hundredths")
    func points() {
        #expect(Self.program().points(for: Self.order(total: 12_999)) == 129)
        #expect(Self.program().points(for: Self.order(total: 99)) == 0)
        #expect(Self.program().points(for: Self.order(total: 5_000, currency: "JPY")) == 5_000)
        #expect(Self.program().points(for: Self.order(total: 12_345, currency: "KWD")) == 12)
        // 0.29 × 100 units is 29 exactly (a binary 0.29 would make 28.999…).
        #expect(Self.program(rate: 29).points(for: Self.order(total: 10_000)) == 29)
        #expect(Self.program(rate: 100_000).points(for: Self.order(total: Int64.max)) == LoyaltyProgram.maximumPointsPerOrder)
    }

    @Test("an unpaid order's points wait; delivery and the returns window release them")
    func pendingThenUsable() {
        let program = Self.program(pendingDays: 14)
        var standing = LoyaltyOrderStanding()
        var origins = Set<String>()
        var order = Self.order(total: 5_000)
        let earned = Self.run(order, program, on: &standing, origins: &origins, at: Self.start)
        #expect(earned.map(\.kind) == [.earn] && earned[0].pendingPoints == 50 && earned[0].points == 0)
        order.status = .delivered
        order.deliveredAt = Self.start.addingTimeInterval(86_400)
        #expect(Self.run(order, program, on: &standing, origins: &origins, at: Self.start.addingTimeInterval(10 * 86_400)).isEmpty)
        let released = Self.run(order, program, on: &standing, origins: &origins, at: Self.start.addingTimeInterval(15 * 86_400))
        #expect(released.map(\.kind) == [.release] && released[0].points == 50 && released[0].pendingPoints == -50)
        #expect(standing.pending == 0 && standing.madeUsable == 50)
    }

    @Test("a shop that never reports delivery: fulfilled plus the assumed days counts as delivered")
    func assumedDelivery() {
        var order = Self.order(total: 5_000, status: .fulfilled)
        order.fulfilledAt = Self.start
        #expect(Self.program(pendingDays: 14).usableAt(order) == Self.start.addingTimeInterval(21 * 86_400))
    }

    @Test("refunds in parts take back exactly what was earned, whatever order they arrive in, with no rounding residue")
    func refundsInParts() {
        let program = Self.program(pendingDays: 0)
        for steps in [[3_333, 6_666, 10_000], [6_666, 3_333, 10_000], [10_000, 3_333]] as [[Int64]] {
            var standing = LoyaltyOrderStanding()
            var origins = Set<String>()
            var order = Self.order(total: 10_000, status: .delivered)
            order.deliveredAt = Self.start
            _ = Self.run(order, program, on: &standing, origins: &origins, at: Self.start)
            #expect(standing.madeUsable == 100)
            for refunded in steps {
                order.totals.refunded = refunded
                order.status = refunded >= 10_000 ? .refunded : .partiallyRefunded
                _ = Self.run(order, program, on: &standing, origins: &origins, at: Self.start)
                // The same report again changes nothing.
                #expect(Self.run(order, program, on: &standing, origins: &origins, at: Self.start).isEmpty)
            }
            #expect(standing.reversed == 100)
            #expect(standing.madeUsable - standing.reversed == 0)
        }
    }

    @Test("a cancellation before the points were usable takes them from pending; after, from the balance")
    func cancellation() {
        let program = Self.program(pendingDays: 14)
        var standing = LoyaltyOrderStanding()
        var origins = Set<String>()
        var order = Self.order(total: 5_000)
        _ = Self.run(order, program, on: &standing, origins: &origins, at: Self.start)
        order.status = .cancelled
        let cancelled = Self.run(order, program, on: &standing, origins: &origins, at: Self.start)
        #expect(cancelled.map(\.kind) == [.reverse] && cancelled[0].pendingPoints == -50 && cancelled[0].points == 0)

        var usable = LoyaltyOrderStanding()
        var usableOrigins = Set<String>()
        var delivered = Self.order(total: 5_000, status: .delivered)
        delivered.deliveredAt = Self.start
        _ = Self.run(delivered, Self.program(pendingDays: 0), on: &usable, origins: &usableOrigins, at: Self.start)
        delivered.status = .cancelled
        let late = Self.run(delivered, Self.program(pendingDays: 0), on: &usable, origins: &usableOrigins, at: Self.start)
        #expect(late.map(\.points) == [-50] && late[0].pendingPoints == 0)
    }

    @Test("an order first seen cancelled or refunded earns nothing")
    func arrivesLost() {
        var standing = LoyaltyOrderStanding()
        var origins = Set<String>()
        for status in [OrderStatus.cancelled, .refunded] {
            #expect(Self.run(Self.order(total: 5_000, status: status), Self.program(), on: &standing, origins: &origins, at: Self.start).isEmpty)
        }
        #expect(Self.run(Self.order(total: 5_000, status: .partiallyRefunded, refunded: 5_000), Self.program(), on: &standing, origins: &origins, at: Self.start).isEmpty)
    }

    @Test("settings out of bounds name their field")
    func settings() throws {
        var settings = LoyaltyProgramSettings()
        settings.earnPerCurrencyUnit = 0.123
        #expect(throws: RapportError.invalid(field: "earn_per_currency_unit", "must be a number from 0 to 1000 with at most two decimals")) {
            _ = try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.start)
        }
        settings.earnPerCurrencyUnit = 0.29
        settings.tiers = [LoyaltyTier(name: "Gold", minimum: 1_000), LoyaltyTier(name: "Silver", minimum: 500)]
        let program = try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.start)
        #expect(program.earnPerCurrencyUnitHundredths == 29)
        #expect(program.tiers.map(\.name) == ["Silver", "Gold"])
        #expect(program.tier(for: 499) == nil && program.tier(for: 500)?.name == "Silver" && program.tier(for: 5_000)?.name == "Gold")
        settings.tiers.append(LoyaltyTier(name: "gold", minimum: 2_000))
        #expect(throws: RapportError.self) { _ = try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.start) }
    }
}
