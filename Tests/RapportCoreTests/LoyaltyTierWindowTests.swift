import Foundation
@testable import RapportCore
import Testing

@Suite("Tiers over a rolling window with a grace period")
struct LoyaltyTierWindowTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func daysAgo(_ days: Double, _ points: Int64) -> LoyaltyTierOrder {
        LoyaltyTierOrder(placedAt: now.addingTimeInterval(-days * 86_400), counted: points)
    }

    @Test("the window counts the orders placed in it; the grace period holds the highest count of its days")
    func windowAndGrace() {
        // The 44-day order and the 10-day one are 34 days apart: never in one 30-day window.
        let orders = [Self.daysAgo(10, 60), Self.daysAgo(44, 100), Self.daysAgo(80, 500)]
        #expect(LoyaltyTierWindow.points(of: orders, at: Self.now, windowDays: 30, graceDays: 0) == LoyaltyTierPoints(current: 60, held: 60))
        // Fifteen days ago the window held the 44-day order (and not yet the 10-day one): 100.
        #expect(LoyaltyTierWindow.points(of: orders, at: Self.now, windowDays: 30, graceDays: 15) == LoyaltyTierPoints(current: 60, held: 100))
        // Thirteen days ago it had already left: no grace from it.
        #expect(LoyaltyTierWindow.points(of: orders, at: Self.now, windowDays: 30, graceDays: 13).held == 60)
        // A 40-day window counted both until 4 days ago, when the 44-day order left: 6 days of
        // grace reach back to then (160), 3 do not (60).
        #expect(LoyaltyTierWindow.points(of: orders, at: Self.now, windowDays: 40, graceDays: 6) == LoyaltyTierPoints(current: 60, held: 160))
        #expect(LoyaltyTierWindow.points(of: orders, at: Self.now, windowDays: 40, graceDays: 3).held == 60)
        // A long window counts all three now.
        #expect(LoyaltyTierWindow.points(of: orders, at: Self.now, windowDays: 365, graceDays: 0).current == 660)
    }

    @Test("the window is open at its start: an order placed exactly a window ago no longer counts; one not yet placed never does")
    func boundaries() {
        let orders = [Self.daysAgo(30, 100), Self.daysAgo(29.99, 7), LoyaltyTierOrder(placedAt: Self.now.addingTimeInterval(60), counted: 1_000)]
        #expect(LoyaltyTierWindow.points(of: orders, at: Self.now, windowDays: 30, graceDays: 0) == LoyaltyTierPoints(current: 7, held: 7))
        #expect(LoyaltyTierWindow.points(of: [], at: Self.now, windowDays: 30, graceDays: 30) == LoyaltyTierPoints(current: 0, held: 0))
    }

    @Test("an order counts what it kept and never less than nothing")
    func neverBelowNothing() {
        // The ledger never sums an order below zero; were it to, the order would not lower the count.
        let orders = [Self.daysAgo(20, -50), Self.daysAgo(20, 0), Self.daysAgo(5, 40)]
        #expect(LoyaltyTierWindow.points(of: orders, at: Self.now, windowDays: 30, graceDays: 30) == LoyaltyTierPoints(current: 40, held: 40))
    }

    @Test("the programme judges tiers by qualifying points without a window, by the window's orders with one")
    func program() throws {
        var program = LoyaltyProgram(
            workspaceID: "wsp_1", tiers: [LoyaltyTier(name: "Silver", minimum: 50), LoyaltyTier(name: "Gold", minimum: 100)],
            startedAt: Self.now, updatedAt: Self.now)
        let orders = [Self.daysAgo(5, 60), Self.daysAgo(35, 100)]
        #expect(program.tierLookback(at: Self.now) == nil)
        #expect(program.tierPoints(qualifying: 160, orders: nil, at: Self.now) == LoyaltyTierPoints(current: 160, held: 160))
        program.tierWindowDays = 30
        program.tierGraceDays = 10
        #expect(program.tierLookback(at: Self.now) == Self.now.addingTimeInterval(-40 * 86_400))
        let points = program.tierPoints(qualifying: 160, orders: orders, at: Self.now)
        #expect(points == LoyaltyTierPoints(current: 60, held: 100) && program.tier(for: points.held)?.name == "Gold")
        let account = LoyaltyAccount(
            customerID: "cus_1", balance: LoyaltyBalance(customerID: "cus_1", qualifying: 160), tier: program.tier(for: points.held), nextTier: nil,
            entries: Page(items: [], hasMore: false), tierPoints: points)
        #expect(account.tierInGrace && account.toNextTier == nil)
    }

    @Test("the settings refuse a window outside 1 to 3650 days, and a grace period without a window")
    func refused() {
        func field(_ change: (inout LoyaltyProgramSettings) -> Void) -> String? {
            var settings = LoyaltyProgramSettings()
            change(&settings)
            do {
                _ = try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.now)
                return nil
            } catch RapportError.invalid(let problems) {
                return problems.first?.field
            } catch {
                return "\(error)"
            }
        }
        #expect(field { $0.tierWindowDays = 0 } == "tier_window_days")
        #expect(field { $0.tierGraceDays = 30 } == "tier_grace_days")
        #expect(field { ($0.tierWindowDays, $0.tierGraceDays) = (365, 3_651) } == "tier_grace_days")
        #expect(field { ($0.tierWindowDays, $0.tierGraceDays) = (365, 30) } == nil)
    }
}
