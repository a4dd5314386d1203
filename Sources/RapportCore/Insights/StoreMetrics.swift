import Foundation

/// The store's figures for a range of days and a set of customers, in the store's main
/// currency (minor units). Rates are nil when there is nothing to divide by.
public struct StoreMetrics: Sendable, Equatable {
    public var from: Date
    public var to: Date
    public var currency: String
    /// Order totals less refunds, cancelled orders left out.
    public var revenue: Int64
    public var orders: Int
    public var customers: Int
    /// Customers whose first order falls in the range.
    public var newCustomers: Int
    public var returningCustomers: Int
    public var averageOrderValue: Double?
    /// Of the customers who ordered in the range, the share with two orders or more by its end.
    public var repeatPurchaseRate: Double?
    /// Orders per customer in the range.
    public var purchaseFrequency: Double?
    /// Mean days from a customer's previous order to an order in the range.
    public var averageDaysBetweenOrders: Double?
    /// Orders in the range with a return requested, of all its orders.
    public var returnRate: Double?
    public var previousRevenue: Int64
    public var lastYearRevenue: Int64
    /// Revenue against the period of the same length just before, and against a year earlier.
    public var growthPeriodOverPeriod: Double?
    public var growthYearOverYear: Double?
    public var days: [DailySales]
    /// The slot the referral programme fills (nil until it exists).
    public var referralRate: Double?
    /// The NPS surveys sent in the range, with their response rate and margin of error; nil
    /// for a segment's figures or when none went.
    public var netPromoter: SurveyFigures?
    public var netPromoterScore: Double? { netPromoter?.score }
    /// How the store stands with its reviewers in the range; nil for a segment's figures.
    public var sellerReputation: SellerReputation?
    /// What the campaigns that sent messages in the range brought back (`CampaignReturn`); nil
    /// when the figures are of a segment of customers or the actor may not see campaigns.
    public var campaignReturn: CampaignReturn?

    /// The figures of `facts` (the range's orders), with the comparison periods' revenue.
    public init(from: Date, to: Date, currency: String, facts: [OrderFact], previousRevenue: Int64, lastYearRevenue: Int64) {
        self.from = from
        self.to = to
        self.currency = currency
        revenue = facts.reduce(0) { $0 + $1.revenue }
        orders = facts.count
        var buyers: [String: (first: Date, repeated: Bool)] = [:]
        for fact in facts {
            let known = buyers[fact.customerID]
            buyers[fact.customerID] = (fact.firstOrderAt, (known?.repeated ?? false) || fact.previousOrderAt != nil)
        }
        customers = buyers.count
        newCustomers = buyers.values.filter { $0.first >= from && $0.first < to }.count
        returningCustomers = customers - newCustomers
        averageOrderValue = orders > 0 ? Double(revenue) / Double(orders) : nil
        repeatPurchaseRate = customers > 0 ? Double(buyers.values.filter(\.repeated).count) / Double(customers) : nil
        purchaseFrequency = customers > 0 ? Double(orders) / Double(customers) : nil
        let gaps = facts.compactMap { fact in fact.previousOrderAt.map { fact.placedAt.timeIntervalSince($0) / 86_400 } }
        averageDaysBetweenOrders = gaps.isEmpty ? nil : gaps.reduce(0, +) / Double(gaps.count)
        returnRate = orders > 0 ? Double(facts.filter(\.returned).count) / Double(orders) : nil
        self.previousRevenue = previousRevenue
        self.lastYearRevenue = lastYearRevenue
        growthPeriodOverPeriod = previousRevenue > 0 ? Double(revenue - previousRevenue) / Double(previousRevenue) : nil
        growthYearOverYear = lastYearRevenue > 0 ? Double(revenue - lastYearRevenue) / Double(lastYearRevenue) : nil
        let dayCount = max(1, Int((to.timeIntervalSince(from) / 86_400).rounded(.up)))
        var days = (0..<dayCount).map { DailySales(start: from.addingTimeInterval(Double($0) * 86_400), orders: 0, revenue: 0) }
        for fact in facts {
            let index = Int(fact.placedAt.timeIntervalSince(from) / 86_400)
            guard days.indices.contains(index) else { continue }
            days[index].orders += 1
            days[index].revenue += fact.revenue
        }
        self.days = days
        referralRate = nil
        sellerReputation = nil
        netPromoter = nil
        campaignReturn = nil
    }
}
