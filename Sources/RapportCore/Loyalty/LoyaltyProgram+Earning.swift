import Foundation

extension LoyaltyProgram {
    /// Whole points for the order with no tier and no line read: whole units of its currency
    /// times the rate (times the order-wide multipliers of its period), plus the points per order.
    public func points(for order: LoyaltyOrder) -> Int64 {
        earning(for: order).points
    }

    /// Whole points for the order: whole units of its currency (`earningBase`) times the rate,
    /// multiplied, plus the points per order. A fraction of a unit earns nothing, and the points
    /// are rounded down once, after multiplying (1 EUR at 0.5 a euro, tripled, earns 1).
    ///
    /// The multipliers of the order's period multiply each line by the highest of those that
    /// match it (they do not stack): the points per unit are spread over the lines by their value,
    /// so a basket half coffee earns half its points twice under "Coffee ×2". Without `lines`
    /// (none read, or none with a value) the order is one line of no category. The customer's
    /// `tier` multiplies on top of that. The points per order are never multiplied.
    public func earning(for order: LoyaltyOrder, lines: [LoyaltyOrderLine] = [], tier: LoyaltyTier? = nil) -> LoyaltyEarning {
        var scale: Int64 = 1
        for _ in 0..<Currency.minorDigits(order.currency) { scale *= 10 }
        let units = earningBase.amount(of: order.totals) / scale
        // Hundredths of a point, at most the most one order earns, so that multiplying cannot
        // overflow; rounded down once, at the end.
        let ceiling = Self.maximumPointsPerOrder * 100
        let (product, overflow) = units.multipliedReportingOverflow(by: earnPerCurrencyUnitHundredths)
        let hundredths = overflow ? ceiling : min(product, ceiling)
        // Times the factor in hundredths: ten-thousandths of a point (at most 10^14).
        var tenThousandths = hundredths * 100
        var raisedBy: [String] = []

        let current = multipliers.filter { $0.covers(placedAt: order.placedAt) && $0.factorHundredths > 100 }
        if hundredths > 0, !current.isEmpty {
            let valued = lines.filter { $0.value > 0 }
            let weighed = valued.isEmpty ? [LoyaltyOrderLine(value: 1, categories: [])] : valued
            // Values scaled down together when their sum could overflow below (absurd orders only).
            let sum = weighed.reduce(0.0) { $0 + Double($1.value) }
            let divisor = max(Int64(1), Int64((sum / 1e13).rounded(.up)))
            var (weighted, total): (Int64, Int64) = (0, 0)
            var used: Set<Int> = []
            for line in weighed {
                let value = max(line.value / divisor, 1)
                let best = current.indices.filter { current[$0].matches(categories: line.categories) }
                    .max { current[$0].factorHundredths < current[$1].factorHundredths }
                if let best { used.insert(best) }
                weighted += value * (best.map { current[$0].factorHundredths } ?? 100)
                total += value
            }
            // hundredths × weighted ÷ total: at most ten times hundredths × 100.
            (tenThousandths, _) = total.dividingFullWidth(hundredths.multipliedFullWidth(by: weighted))
            raisedBy += used.sorted().map { "\(current[$0].name) ×\(Self.factorWording(current[$0].factorHundredths))" }
        }
        var millionths = tenThousandths * 100
        if let tier, tier.multiplierHundredths > 100, hundredths > 0 {
            millionths = tenThousandths * tier.multiplierHundredths
            raisedBy.append("\(tier.name) ×\(Self.factorWording(tier.multiplierHundredths))")
        }
        let perUnit = min(millionths / 1_000_000, Self.maximumPointsPerOrder - pointsPerOrder)
        // Named only when they raised the points (a point times 1.5 stays a point).
        if perUnit <= hundredths / 100 { raisedBy = [] }
        return LoyaltyEarning(points: perUnit + pointsPerOrder, raisedBy: raisedBy)
    }

    /// Whether an order's lines must be read to price it: a multiplier names a category.
    public var readsLineCategories: Bool {
        multipliers.contains { $0.category != nil }
    }

    /// Whether the customer's tier must be read to price an order: a tier multiplies.
    public var tiersMultiply: Bool {
        tiers.contains { $0.multiplierHundredths > 100 }
    }

    /// A factor in hundredths as people write it: `2`, `1.5`, `1.25`.
    public static func factorWording(_ hundredths: Int64) -> String {
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
