import Foundation

/// What the campaigns that sent messages in a range of days brought back, beside the store's
/// figures (`StoreMetrics.campaignReturn`): how many campaigns and messages, the orders placed
/// in the range that last-touch attribution gives them and their revenue, the messages' cost
/// and the return on it, in all and per channel.
///
/// - A campaign counts when at least one of its messages went (`sent_at`) in the range; its
///   messages, and so its cost, are those that went in the range. At most `campaignLimit`
///   campaigns are read, those whose latest message in the range went last (`truncated` says
///   when some were left out).
/// - An order counts when it was placed in the range and attribution gives it to a counted
///   campaign, by the campaign report's own rule (`CampaignAttribution`: every campaign's
///   touches weighed, each campaign with its own windows, so an order won by a campaign that
///   sent nothing in the range counts for none). The touch that won it may be a message sent
///   before the range; an order after the range is left for the next one.
/// - Orders and revenue are in the store's main currency, as the store's other figures are:
///   orders in other currencies are left out. The cost adds up the campaigns whose
///   `cost_per_message` is in the main currency; a campaign without a cost, or with one in
///   another currency, adds its revenue but stays out of the cost and the return, which is
///   (revenue of the costed campaigns − their cost) / their cost.
public struct CampaignReturn: Sendable, Equatable {
    /// The most campaigns one range reads.
    public static let campaignLimit = 200

    /// The store's main currency, which every amount is in.
    public var currency: String
    public var total: CampaignReturnFigures
    /// One per channel with a campaign counted, in `CampaignChannel.allCases` order.
    public var channels: [CampaignReturnFigures]
    /// More campaigns sent in the range than `campaignLimit`: the figures are the latest ones'.
    public var truncated: Bool

    /// The figures of [from, to) for `campaigns` (each with its messages sent in the range),
    /// from the orders and touches attribution weighs (`CampaignRepository.attributionFacts`)
    /// and every touched campaign's windows.
    public init(
        currency: String, campaigns: [(campaign: Campaign, messages: Int)], orders: [CampaignOrderFact], touches: [CampaignTouch],
        windows: [String: CampaignAttributionWindows], from: Date, to: Date, truncated: Bool
    ) {
        var summaries: [String: CampaignAttributionSummary] = [:]
        var counted: [Campaign] = []
        for (campaign, messages) in campaigns where summaries[campaign.id] == nil {
            summaries[campaign.id] = CampaignAttributionSummary(
                windows: campaign.definition.attribution, cost: campaign.definition.costPerMessage, messages: messages)
            counted.append(campaign)
        }
        // A counted campaign's windows are its definition's, whatever the caller passed.
        var windows = windows
        for campaign in counted { windows[campaign.id] = campaign.definition.attribution }
        let placed = orders.filter { $0.placedAt >= from && $0.placedAt < to }
        for (order, touch) in CampaignAttribution.winners(orders: placed, touches: touches, windows: windows) {
            summaries[touch.campaignID]?.add(order, wonBy: touch)
        }
        var total = CampaignReturnFigures()
        var byChannel: [CampaignChannel: CampaignReturnFigures] = [:]
        for campaign in counted {
            guard let summary = summaries[campaign.id] else { continue }
            total.add(summary, currency: currency)
            byChannel[campaign.channel, default: CampaignReturnFigures(channel: campaign.channel)].add(summary, currency: currency)
        }
        self.currency = currency
        self.total = total
        channels = CampaignChannel.allCases.compactMap { byChannel[$0] }
        self.truncated = truncated
    }
}
