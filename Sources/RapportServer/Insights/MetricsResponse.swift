import Foundation
import RapportCore

/// `GET /api/v1/insights/metrics`: the store's figures for a range, amounts in minor units.
struct MetricsResponse: JSONWritable {
    var metrics: StoreMetrics

    func write(to writer: inout JSONWriter) {
        func optional(_ key: String, _ value: Double?) {
            writer.key(key)
            if let value { writer.number(value) } else { writer.null() }
        }
        writer.beginObject()
        optional("average_days_between_orders", metrics.averageDaysBetweenOrders)
        optional("average_order_value", metrics.averageOrderValue)
        writer.key("currency"); writer.string(metrics.currency)
        writer.key("customers"); writer.integer(Int64(metrics.customers))
        writer.key("days")
        writer.beginArray()
        for day in metrics.days {
            writer.beginObject()
            writer.key("date"); writer.string(String(Timestamp.iso8601(day.start).prefix(10)))
            writer.key("orders"); writer.integer(Int64(day.orders))
            writer.key("revenue"); writer.integer(day.revenue)
            writer.endObject()
        }
        writer.endArray()
        writer.key("from"); writer.string(String(Timestamp.iso8601(metrics.from).prefix(10)))
        optional("growth_period_over_period", metrics.growthPeriodOverPeriod)
        optional("growth_year_over_year", metrics.growthYearOverYear)
        writer.key("last_year_revenue"); writer.integer(metrics.lastYearRevenue)
        optional("net_promoter_score", metrics.netPromoterScore)
        writer.key("new_customers"); writer.integer(Int64(metrics.newCustomers))
        writer.key("object"); writer.string("metrics")
        writer.key("orders"); writer.integer(Int64(metrics.orders))
        writer.key("previous_revenue"); writer.integer(metrics.previousRevenue)
        optional("purchase_frequency", metrics.purchaseFrequency)
        optional("referral_rate", metrics.referralRate)
        optional("repeat_purchase_rate", metrics.repeatPurchaseRate)
        optional("return_rate", metrics.returnRate)
        writer.key("returning_customers"); writer.integer(Int64(metrics.returningCustomers))
        writer.key("revenue"); writer.integer(metrics.revenue)
        writer.key("to"); writer.string(String(Timestamp.iso8601(metrics.to.addingTimeInterval(-86_400)).prefix(10)))
        writer.endObject()
    }
}
