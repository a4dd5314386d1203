import Foundation
import RapportCore

/// `GET /api/v1/insights/metrics`: the store's figures for a range, amounts in minor units.
struct MetricsResponse: Encodable {
    struct Day: Encodable {
        let date: String
        let orders: Int
        let revenue: Int64
    }

    /// What the campaigns that sent in the range brought back, in the main currency: the
    /// totals' figures, then each channel's.
    struct CampaignReturnFields: Encodable {
        let total: ReturnFigureFields
        let channels: [ReturnFigureFields]
        let truncated: Bool

        init(_ figures: CampaignReturn) {
            total = ReturnFigureFields(figures.total, naming: false)
            channels = figures.channels.map { ReturnFigureFields($0, naming: true) }
            truncated = figures.truncated
        }

        private enum CodingKeys: String, CodingKey {
            case channels, truncated
        }

        /// The totals' figures sit beside `channels` and `truncated`, not under a key of their own.
        func encode(to encoder: any Encoder) throws {
            try total.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(channels, forKey: .channels)
            try container.encode(truncated, forKey: .truncated)
        }
    }

    /// One set of campaign-return figures: a channel's (named), or the totals (no `channel`).
    struct ReturnFigureFields: Encodable {
        let campaigns: Int
        let channel: String?
        let cost: Int64?
        let costedCampaigns: Int
        let costedRevenue: Int64
        let messages: Int
        let orders: Int
        let returnOnInvestment: Double?
        let revenue: Int64

        init(_ figures: CampaignReturnFigures, naming: Bool) {
            campaigns = figures.campaigns
            channel = naming ? figures.channel?.rawValue ?? "all" : nil
            cost = figures.cost
            costedCampaigns = figures.costedCampaigns
            costedRevenue = figures.costedRevenue
            messages = figures.messages
            orders = figures.orders
            returnOnInvestment = figures.returnOnInvestment
            revenue = figures.revenue
        }

        private enum CodingKeys: String, CodingKey {
            case campaigns, channel, cost, costedCampaigns, costedRevenue, messages, orders, returnOnInvestment, revenue
        }

        /// A missing cost or return is written as null; only the totals leave out `channel`.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(campaigns, forKey: .campaigns)
            try container.encodeIfPresent(channel, forKey: .channel)
            try container.encode(cost, forKey: .cost)
            try container.encode(costedCampaigns, forKey: .costedCampaigns)
            try container.encode(costedRevenue, forKey: .costedRevenue)
            try container.encode(messages, forKey: .messages)
            try container.encode(orders, forKey: .orders)
            try container.encode(returnOnInvestment, forKey: .returnOnInvestment)
            try container.encode(revenue, forKey: .revenue)
        }
    }

    let averageDaysBetweenOrders: Double?
    let averageOrderValue: Double?
    let campaignReturn: CampaignReturnFields?
    let currency: String
    let customers: Int
    let days: [Day]
    let from: String
    let growthPeriodOverPeriod: Double?
    let growthYearOverYear: Double?
    let lastYearRevenue: Int64
    /// The NPS surveys behind the score: answers, response rate, margin of error.
    let netPromoter: SurveyFiguresResponse.Figures?
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
    /// The approved reviews written in the range; null for a segment's figures.
    let sellerReputation: SellerReputationResponse?
    /// The last day of the range (the range itself ends at the start of the next).
    let to: String

    init(metrics: StoreMetrics) {
        func day(_ date: Date) -> String { String(Timestamp.iso8601(date).prefix(10)) }
        averageDaysBetweenOrders = metrics.averageDaysBetweenOrders
        averageOrderValue = metrics.averageOrderValue
        campaignReturn = metrics.campaignReturn.map(CampaignReturnFields.init)
        currency = metrics.currency
        customers = metrics.customers
        days = metrics.days.map { Day(date: day($0.start), orders: $0.orders, revenue: $0.revenue) }
        from = day(metrics.from)
        growthPeriodOverPeriod = metrics.growthPeriodOverPeriod
        growthYearOverYear = metrics.growthYearOverYear
        lastYearRevenue = metrics.lastYearRevenue
        netPromoterScore = metrics.netPromoterScore.map(SurveyFiguresResponse.Figures.rounded)
        netPromoter = metrics.netPromoter.map(SurveyFiguresResponse.Figures.init)
        newCustomers = metrics.newCustomers
        orders = metrics.orders
        previousRevenue = metrics.previousRevenue
        purchaseFrequency = metrics.purchaseFrequency
        referralRate = metrics.referralRate
        repeatPurchaseRate = metrics.repeatPurchaseRate
        returnRate = metrics.returnRate
        returningCustomers = metrics.returningCustomers
        revenue = metrics.revenue
        sellerReputation = metrics.sellerReputation.map(SellerReputationResponse.init)
        to = day(metrics.to.addingTimeInterval(-86_400))
    }
}
