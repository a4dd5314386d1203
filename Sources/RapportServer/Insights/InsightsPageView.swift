/// The insights page: the range and customers asked for (with what was wrong with the range),
/// the store's figures for them, revenue per day, the cohort and RFM heatmaps with each RFM
/// segment's count, the lifetime-value models and the most valuable customers.
struct InsightsPageView: TemplateView {
    /// An RFM segment and how many customers are in it.
    struct Segment: TemplateView {
        let value: String
        let label: String
        let count: Int
    }

    /// The fitted lifetime models: when, on how many customers, their parameters and horizon.
    struct Model: TemplateView {
        let fitted: String
        let customers: Int
        let repeatCustomers: Int
        let bgnbd: String
        let gammaGamma: String
        let horizon: Int
        let discount: String
        let seconds: String
    }

    /// One of the most valuable customers: forecast value, expected orders and the chance they still buy.
    struct Top: TemplateView {
        let id: String
        let name: String
        let value: String
        let purchases: String
        let alive: String
    }

    /// What the campaigns that sent in the range brought back: the revenue attributed to them,
    /// what their messages cost and the return on it, overall and per channel.
    struct CampaignTile: TemplateView {
        let campaigns: Int
        let messages: Int
        let orders: Int
        let revenue: String
        let cost: String
        let roi: String
        /// `E-mail 3.1× · SMS —`; nil with a single channel.
        let channels: String?
        let truncated: Bool
        let limit: Int
        /// Whether any campaign sent messages in the range.
        let hasCampaigns: Bool
    }

    let from: String
    let to: String
    let fromError: String?
    let toError: String?
    let tag: String?
    /// The RFM segments of the segment select.
    let segments: [ChoiceView]
    /// The workspace's segments and lists, the select's second group.
    let lists: [ChoiceView]
    let hasLists: Bool
    /// A tag or a segment narrows the customers.
    let filtered: Bool
    let mayRefresh: Bool
    /// The figures, formatted (`—` where there is nothing to divide by).
    let revenue: String
    let orders: Int
    let aov: String
    let customers: Int
    let newCustomers: Int
    let returningCustomers: Int
    let repeatRate: String
    let frequency: String
    let daysBetween: String
    let returnRate: String
    let growthPOP: String
    let previousRevenue: String
    let growthYOY: String
    let lastYearRevenue: String
    let referralRate: String
    let nps: String
    let npsDetail: String
    /// Nil for a segment's figures.
    let campaignReturn: CampaignTile?
    /// Nil for a segment's figures.
    let reputation: ReputationTile?
    /// Inline SVG; the heatmaps only when there is something to show.
    let revenueChart: String
    let cohortChart: String?
    let rfmChart: String?
    let rfmSegments: [Segment]
    let model: Model?
    let top: [Top]
}
