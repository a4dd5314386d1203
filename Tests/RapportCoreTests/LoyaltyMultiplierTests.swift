import Foundation
@testable import RapportCore
import Testing

@Suite("Loyalty multipliers: by category, by period, by tier")
struct LoyaltyMultiplierTests {
    static let start = LoyaltyOrderRuleTests.start
    static let day: TimeInterval = 86_400

    static func program(_ multipliers: [LoyaltyMultiplier], pointsPerOrder: Int64 = 0) -> LoyaltyProgram {
        LoyaltyProgram(workspaceID: "wsp_1", pointsPerOrder: pointsPerOrder, multipliers: multipliers, startedAt: start, updatedAt: start)
    }

    static let blackFriday = LoyaltyMultiplier(name: "Black Friday", factorHundredths: 300, startsAt: start, endsAt: start.addingTimeInterval(3 * day))
    static let coffee = LoyaltyMultiplier(name: "Coffee month", factorHundredths: 200, category: "coffee")

    @Test("a period multiplies orders placed in it, from its start and before its end")
    func period() {
        let program = Self.program([Self.blackFriday])
        var order = LoyaltyOrderRuleTests.order(total: 10_000)
        #expect(program.earning(for: order) == LoyaltyEarning(points: 300, raisedBy: ["Black Friday ×3"]))
        order.placedAt = Self.start.addingTimeInterval(3 * Self.day)
        #expect(program.earning(for: order) == LoyaltyEarning(points: 100))
        order.placedAt = Self.start.addingTimeInterval(-1)
        #expect(program.points(for: order) == 100)
    }

    @Test("a category multiplies its lines' share of the points; a line takes the highest multiplier that covers it")
    func category() {
        let order = LoyaltyOrderRuleTests.order(total: 10_000)
        // 60 of coffee, 40 of cups: 60 × 2 + 40 = 160.
        let lines = [LoyaltyOrderLine(value: 6_000, categories: ["Beans", " Coffee "]), LoyaltyOrderLine(value: 4_000, categories: ["Cups"])]
        #expect(Self.program([Self.coffee]).earning(for: order, lines: lines) == LoyaltyEarning(points: 160, raisedBy: ["Coffee month ×2"]))
        // Black Friday's ×3 beats coffee's ×2 on the coffee line too: they do not stack.
        #expect(Self.program([Self.coffee, Self.blackFriday]).earning(for: order, lines: lines)
            == LoyaltyEarning(points: 300, raisedBy: ["Black Friday ×3"]))
        // Read without lines (none sold by a known product), a category multiplies nothing.
        #expect(Self.program([Self.coffee]).earning(for: order) == LoyaltyEarning(points: 100))
        // A line of no value (a free sample) counts for nothing; a third at ×2 of 300 points is 400.
        let thirds = [LoyaltyOrderLine(value: 1_000, categories: ["coffee"]), LoyaltyOrderLine(value: 2_000, categories: []),
                      LoyaltyOrderLine(value: 0, categories: ["coffee"])]
        #expect(Self.program([Self.coffee]).earning(for: LoyaltyOrderRuleTests.order(total: 30_000), lines: thirds).points == 400)
    }

    @Test("a tier multiplies on top; the points per order are never multiplied; the rule names what raised the points")
    func tierOnTop() {
        let gold = LoyaltyTier(name: "Gold", minimum: 1_000, multiplierHundredths: 150)
        let program = Self.program([Self.blackFriday], pointsPerOrder: 10)
        #expect(program.earning(for: LoyaltyOrderRuleTests.order(total: 10_000), tier: gold)
            == LoyaltyEarning(points: 100 * 3 * 3 / 2 + 10, raisedBy: ["Black Friday ×3", "Gold ×1.5"]))
        var standing = LoyaltyOrderStanding()
        var counter = 0
        let entries = LoyaltyOrderRule.entries(
            for: LoyaltyOrderRuleTests.order(total: 10_000), program: program, standing: standing, at: Self.start, tier: gold
        ) {
            counter += 1
            return "lye_\(counter)"
        }
        for entry in entries { standing.count(entry) }
        #expect(entries.first?.reason == "Order 1001: 100.00 EUR, Black Friday ×3, Gold ×1.5" && standing.earned == 460)
        // A huge order stays within the most one order earns.
        let huge = Self.program([Self.blackFriday]).earning(for: LoyaltyOrderRuleTests.order(total: Int64.max / 2), tier: gold)
        #expect(huge.points == LoyaltyProgram.maximumPointsPerOrder)
    }

    @Test("points are rounded down once, after multiplying: a rate with decimals loses nothing on the way")
    func roundedOnce() {
        var program = Self.program([Self.blackFriday])
        program.earnPerCurrencyUnitHundredths = 50
        // 1 EUR at 0.5 a euro, tripled: 1.5, one point (not 0 × 3).
        #expect(program.earning(for: LoyaltyOrderRuleTests.order(total: 100)) == LoyaltyEarning(points: 1, raisedBy: ["Black Friday ×3"]))
        program.earnPerCurrencyUnitHundredths = 125
        program.multipliers = [Self.coffee]
        // 10 EUR of coffee at 1.25 a euro, doubled: 25 (not 12 × 2).
        #expect(program.earning(for: LoyaltyOrderRuleTests.order(total: 1_000), lines: [LoyaltyOrderLine(value: 1_000, categories: ["Coffee"])]).points == 25)
        // A point times 1.5 stays a point, and the tier is not named for it.
        let gold = LoyaltyTier(name: "Gold", minimum: 0, multiplierHundredths: 150)
        #expect(Self.program([]).earning(for: LoyaltyOrderRuleTests.order(total: 100), tier: gold) == LoyaltyEarning(points: 1))
    }

    @Test("a refund takes back the refunded share of the money, of the points as multiplied (not line by line)")
    func refundOfMultiplied() {
        let program = Self.program([Self.coffee])
        var standing = LoyaltyOrderStanding()
        var order = LoyaltyOrderRuleTests.order(total: 4_000)
        let lines = [LoyaltyOrderLine(value: 2_000, categories: ["coffee"]), LoyaltyOrderLine(value: 2_000, categories: [])]
        var counter = 0
        func run() -> [LoyaltyEntry] {
            let entries = LoyaltyOrderRule.entries(for: order, program: program, standing: standing, at: Self.start, lines: lines) {
                counter += 1
                return "lye_\(counter)"
            }
            for entry in entries { standing.count(entry) }
            return entries
        }
        #expect(run().map(\.pendingPoints) == [60])
        // The coffee (half the money) comes back: half the 60 points go.
        order.totals.refunded = 2_000
        #expect(run().map(\.pendingPoints) == [-30] && standing.earned - standing.reversed == 30)
    }

    @Test("factors are worded as people write them")
    func wording() {
        #expect([100, 150, 200, 125, 105, 1_000].map { LoyaltyProgram.factorWording($0) } == ["1", "1.5", "2", "1.25", "1.05", "10"])
    }

    @Test("the settings refuse a multiplier that covers nothing in particular, ends before it starts or multiplies beyond 1 to 10")
    func refused() throws {
        func problem(_ change: (inout LoyaltyProgramSettings) -> Void) -> String? {
            var settings = LoyaltyProgramSettings()
            change(&settings)
            do {
                _ = try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.start)
                return nil
            } catch RapportError.invalid(let problems) {
                return problems.first?.field
            } catch {
                return "\(error)"
            }
        }
        #expect(problem { $0.multipliers = [LoyaltyMultiplier(name: "Always", factorHundredths: 200)] } == "multipliers[0]")
        #expect(problem { $0.multipliers = [LoyaltyMultiplier(name: "Back", factorHundredths: 200, startsAt: Self.start, endsAt: Self.start)] }
            == "multipliers[0].ends_at")
        #expect(problem { $0.multipliers = [LoyaltyMultiplier(name: "Big", factorHundredths: 1_100, category: "x")] } == "multipliers[0].multiplier")
        #expect(problem { $0.multipliers = [LoyaltyMultiplier(name: " ", factorHundredths: 200, category: "x")] } == "multipliers[0].name")
        #expect(problem { $0.tiers = [LoyaltyTier(name: "Gold", minimum: 10, multiplierHundredths: 50)] } == "tiers[0].multiplier")
        #expect(problem { $0.multipliers = Array(repeating: Self.coffee, count: 21) } == "multipliers")
        #expect(problem { $0.multipliers = [Self.coffee, Self.blackFriday] } == nil)
        // Left out, the programme's multipliers stay; [] removes them.
        let existing = try #require(try {
            var settings = LoyaltyProgramSettings()
            settings.multipliers = [Self.coffee]
            return try settings.program(workspaceID: "wsp_1", existing: nil, at: Self.start)
        }())
        #expect(try LoyaltyProgramSettings().program(workspaceID: "wsp_1", existing: existing, at: Self.start).multipliers == [Self.coffee])
        var none = LoyaltyProgramSettings()
        none.multipliers = []
        #expect(try none.program(workspaceID: "wsp_1", existing: existing, at: Self.start).multipliers.isEmpty)
    }
}
