import Foundation
@testable import RapportCore
import Testing

@Suite("What an order counts towards a spend tier")
struct LoyaltySpendTierTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func order(
        _ status: OrderStatus = .delivered, currency: String = "EUR", subtotal: Int64 = 10_000, discount: Int64 = 0, shipping: Int64 = 500,
        refunded: Int64 = 0
    ) -> LoyaltyOrder {
        let total = subtotal - discount + shipping
        return LoyaltyOrder(
            id: "ord_1", workspaceID: "wsp_1", customerID: "cus_1", number: "1", status: status, currency: currency,
            totals: OrderTotals(subtotal: subtotal, discount: discount, tax: 0, shipping: shipping, total: total, refunded: refunded),
            placedAt: now, fulfilledAt: nil, deliveredAt: now, createdAt: now)
    }

    static func program(_ base: LoyaltyEarningBase = .total) -> LoyaltyProgram {
        LoyaltyProgram(
            workspaceID: "wsp_1", earningBase: base, tiers: [LoyaltyTier(name: "Gold", minimum: 10_000)], tierMeasure: .spend, tierCurrency: "EUR",
            startedAt: now, updatedAt: now)
    }

    @Test("the earning base less the refunded share; nothing for a cancelled or wholly refunded order or another currency")
    func keptSpend() {
        let total = Self.program(.total)
        #expect(total.keptSpend(of: Self.order()) == 10_500)
        // 2,100 of 10,500 refunded: a fifth of the base goes.
        #expect(total.keptSpend(of: Self.order(refunded: 2_100)) == 8_400)
        #expect(Self.program(.subtotal).keptSpend(of: Self.order(discount: 1_000, refunded: 1_900)) == 7_200)
        #expect(total.keptSpend(of: Self.order(.cancelled)) == 0)
        #expect(total.keptSpend(of: Self.order(.refunded)) == 0)
        #expect(total.keptSpend(of: Self.order(refunded: 10_500)) == 0)
        #expect(total.keptSpend(of: Self.order(currency: "USD")) == 0)
    }

    @Test("without a window every order counts, those not yet placed aside; the tier is the highest the sum reaches")
    func everyOrder() {
        let program = Self.program()
        let orders = [
            LoyaltyTierOrder(placedAt: Self.now.addingTimeInterval(-400 * 86_400), counted: 6_000),
            LoyaltyTierOrder(placedAt: Self.now.addingTimeInterval(-1), counted: 4_000),
            LoyaltyTierOrder(placedAt: Self.now.addingTimeInterval(60), counted: 90_000),
        ]
        let counted = program.tierPoints(qualifying: 123, orders: orders, at: Self.now)
        #expect(counted == LoyaltyTierPoints(current: 10_000, held: 10_000) && program.tier(for: counted.held)?.name == "Gold")
        #expect(program.tierPoints(qualifying: 123, orders: nil, at: Self.now) == LoyaltyTierPoints(current: 0, held: 0), "no orders: nothing spent")
        var points = program
        points.tierMeasure = .points
        #expect(points.tierPoints(qualifying: 123, orders: orders, at: Self.now).held == 123, "points without a window read the balance")
    }

    @Test("a programme stored before spend tiers counts points; a spend programme round-trips with its tiers' minimums")
    func storage() throws {
        let stored = """
            {"assumed_delivery_days":7,"earn_per_currency_unit_hundredths":100,"earning_base":"total","enabled":true,"pending_days":14,
             "points_per_order":0,"started_at":"2026-12-01T00:00:00Z","tiers":[{"minimum_points":500,"name":"Silver"}],
             "updated_at":"2026-12-01T00:00:00Z","workspace_id":"wsp_1"}
            """
        let old = try JSONCoding.makeDecoder().decode(LoyaltyProgram.self, from: Data(stored.utf8))
        #expect(old.tierMeasure == .points && old.tierCurrency == nil && old.tiers.first?.minimum == 500)
        let spend = Self.program()
        let encoded = try JSONCoding.makeEncoder().encode(spend)
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"minimum_points\":10000"), "the minimum keeps its stored name")
        #expect(try JSONCoding.makeDecoder().decode(LoyaltyProgram.self, from: encoded) == spend)
    }

    @Test("the settings need a currency for spend and bound each minimum by what the tiers count")
    func settings() throws {
        var settings = LoyaltyProgramSettings()
        settings.tierMeasure = .spend
        settings.tierCurrency = " jpy "
        settings.tiers = [LoyaltyTier(name: "Gold", minimum: 2_000_000_000)]
        let program = try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.now)
        #expect(program.tierCurrency == "JPY" && program.tiers.first?.minimum == 2_000_000_000, "spend may start beyond the points' bound")
        settings.tierCurrency = nil
        #expect(throws: RapportError.self) { try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.now) }
        settings.tierMeasure = .points
        settings.tierCurrency = "EUR"
        settings.tiers = [LoyaltyTier(name: "Gold", minimum: 2_000)]
        #expect(throws: RapportError.invalid(field: "tier_currency", "counts only with tier_measure spend: tiers counting points count every currency")) {
            try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.now)
        }
        settings.tierCurrency = nil
        #expect(try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.now).tierCurrency == nil)
        settings.tiers = [LoyaltyTier(name: "Gold", minimum: 2_000_000_000)]
        #expect(throws: RapportError.self, "beyond the points' bound") { try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.now) }
    }
}
