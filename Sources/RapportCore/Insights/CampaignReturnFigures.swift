/// One set of the campaign return's figures (`CampaignReturn`): of every campaign counted, or
/// of one channel's. Money in minor units of the store's main currency.
public struct CampaignReturnFigures: Sendable, Equatable {
    /// Nil for all channels together.
    public var channel: CampaignChannel?
    public var campaigns: Int
    /// Messages that went in the range (sent, then delivered or bounced).
    public var messages: Int
    /// Orders placed in the range that last-touch attribution gives these campaigns, in the main currency.
    public var orders: Int
    /// Those orders' totals less refunds.
    public var revenue: Int64
    /// The messages' cost (cost per message × messages in the range) of the campaigns whose
    /// cost per message is in the main currency; nil when none of them has one.
    public var cost: Int64?
    /// How many campaigns `cost` covers, and the revenue of those alone: what the return
    /// weighs against the cost, so a campaign without a cost adds revenue but no return.
    public var costedCampaigns: Int
    public var costedRevenue: Int64

    public init(
        channel: CampaignChannel? = nil, campaigns: Int = 0, messages: Int = 0, orders: Int = 0, revenue: Int64 = 0, cost: Int64? = nil,
        costedCampaigns: Int = 0, costedRevenue: Int64 = 0
    ) {
        self.channel = channel
        self.campaigns = campaigns
        self.messages = messages
        self.orders = orders
        self.revenue = revenue
        self.cost = cost
        self.costedCampaigns = costedCampaigns
        self.costedRevenue = costedRevenue
    }

    /// (Revenue of the costed campaigns − cost) / cost, the formula of a campaign's report
    /// (`CampaignAttributionSummary.returnOnInvestment`); nil without a cost, or with a cost of nothing.
    public var returnOnInvestment: Double? {
        cost.flatMap { CampaignAttributionSummary.returnOnInvestment(revenue: costedRevenue, cost: $0) }
    }

    /// Adds one campaign, from its attribution summary over the range: only orders and revenue
    /// in `currency` count, and its cost only when its cost per message is in `currency`.
    mutating func add(_ summary: CampaignAttributionSummary, currency: String) {
        let revenue = summary.revenue[currency] ?? 0
        campaigns += 1
        messages += summary.messages
        orders += summary.ordersByCurrency[currency] ?? 0
        self.revenue += revenue
        if let perMessage = summary.cost, perMessage.currency == currency, let total = summary.totalCost {
            costedCampaigns += 1
            costedRevenue += revenue
            cost = (cost ?? 0) + total
        }
    }
}
