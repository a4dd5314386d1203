/// The orders last-touch attribution gave the campaign, and what they and the campaign's
/// messages came to.
public struct CampaignAttributionSummary: Sendable, Equatable {
    public var windows: CampaignAttributionWindows
    public var orders: Int
    /// Orders won by a click (the rest by an open).
    public var ordersFromClicks: Int
    /// Revenue after refunds, minor units by currency.
    public var revenue: [String: Int64]
    /// Orders by currency (for the average order value).
    public var ordersByCurrency: [String: Int]
    /// The messages' cost, when the campaign names a cost per message.
    public var cost: CampaignMessageCost?
    public var messages: Int

    public init(
        windows: CampaignAttributionWindows, orders: Int = 0, ordersFromClicks: Int = 0, revenue: [String: Int64] = [:],
        ordersByCurrency: [String: Int] = [:], cost: CampaignMessageCost? = nil, messages: Int = 0
    ) {
        self.windows = windows
        self.orders = orders
        self.ordersFromClicks = ordersFromClicks
        self.revenue = revenue
        self.ordersByCurrency = ordersByCurrency
        self.cost = cost
        self.messages = messages
    }

    /// The average order value in `currency`, minor units; nil without orders in it.
    public func averageOrderValue(_ currency: String) -> Int64? {
        guard let count = ordersByCurrency[currency], count > 0 else { return nil }
        return Int64((Double(revenue[currency] ?? 0) / Double(count)).rounded())
    }

    /// The messages' cost in minor units of the cost's currency.
    public var totalCost: Int64? { cost.map { $0.total(messages: messages) } }

    /// (Revenue − cost) / cost in the cost's currency: 4.0 returned four times what the
    /// messages cost. Nil without a cost, or with a cost of nothing.
    public var returnOnInvestment: Double? {
        guard let cost, let total = totalCost else { return nil }
        return Self.returnOnInvestment(revenue: revenue[cost.currency] ?? 0, cost: total)
    }

    /// Counts an order that `touch`, one of the campaign's, won by last touch.
    public mutating func add(_ order: CampaignOrderFact, wonBy touch: CampaignTouch) {
        orders += 1
        if touch.kind == .click { ordersFromClicks += 1 }
        revenue[order.currency, default: 0] += order.revenue
        ordersByCurrency[order.currency, default: 0] += 1
    }

    /// The return on investment's one formula, (revenue − cost) / cost, both in minor units of
    /// one currency: a campaign's report and the insights' campaign return both count it so.
    /// Nil for a cost of nothing.
    public static func returnOnInvestment(revenue: Int64, cost: Int64) -> Double? {
        guard cost > 0 else { return nil }
        return Double(revenue - cost) / Double(cost)
    }
}
