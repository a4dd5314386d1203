import Foundation
import RapportCore

/// `GET /api/v1/insights/metrics`: the store's figures for a range, amounts in minor units.
struct MetricsResponse: Encodable {
    struct Day: Encodable {
        let date: String
        let orders: Int
        let revenue: Int64
    }

    let averageDaysBetweenOrders: Double?
    let averageOrderValue: Double?
    let currency: String
    let customers: Int
    let days: [Day]
    let from: String
    let growthPeriodOverPeriod: Double?
    let growthYearOverYear: Double?
    let lastYearRevenue: Int64
    let netPromoterScore: Double?
    let newCustomers: Int
    let object = "metrics"
    let orders: Int
    let previousRevenue: Int64
    let purchaseFrequency: Double?
    let referralRate: Double?
    let repeatPurchaseRate: Double?
    let returnRate: Double?
    let returningCustomers: Int
    let revenue: Int64
    /// The last day of the range (the range itself ends at the start of the next).
    let to: String

    init(metrics: StoreMetrics) {
        func day(_ date: Date) -> String { String(Timestamp.iso8601(date).prefix(10)) }
        averageDaysBetweenOrders = metrics.averageDaysBetweenOrders
        averageOrderValue = metrics.averageOrderValue
        currency = metrics.currency
        customers = metrics.customers
        days = metrics.days.map { Day(date: day($0.start), orders: $0.orders, revenue: $0.revenue) }
        from = day(metrics.from)
        growthPeriodOverPeriod = metrics.growthPeriodOverPeriod
        growthYearOverYear = metrics.growthYearOverYear
        lastYearRevenue = metrics.lastYearRevenue
        netPromoterScore = metrics.netPromoterScore
        newCustomers = metrics.newCustomers
        orders = metrics.orders
        previousRevenue = metrics.previousRevenue
        purchaseFrequency = metrics.purchaseFrequency
        referralRate = metrics.referralRate
        repeatPurchaseRate = metrics.repeatPurchaseRate
        returnRate = metrics.returnRate
        returningCustomers = metrics.returningCustomers
        revenue = metrics.revenue
        to = day(metrics.to.addingTimeInterval(-86_400))
    }
}
