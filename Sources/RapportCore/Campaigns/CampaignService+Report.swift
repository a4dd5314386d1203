import Foundation

extension CampaignService {
    /// The campaign's report: its counts, the orders last-touch attribution gives it (each
    /// touch weighed by its own campaign's windows, so no order is counted by two campaigns),
    /// their revenue, average order value and return on the messages' cost, and the recipients
    /// against the holdout. Revenue is the store's figures: the report needs `viewInsights`
    /// besides `viewCampaigns` (agents see a campaign's counts on its page, not this).
    public func report(id: String, as actor: Actor) async throws -> CampaignReport {
        try actor.require(.viewCampaigns)
        try actor.require(.viewInsights)
        let workspaceID = actor.workspaceID
        return try await store.read { session in
            let campaign = try await existing(id, workspaceID: workspaceID, session: session)
            let definition = campaign.definition
            var stats = try await session.campaigns.stats(campaignID: id)
            stats.cancelled = campaign.status == .cancelled
            let facts = try await session.campaigns.attributionFacts(campaignID: id, workspaceID: workspaceID, windows: definition.attribution)
            let windows = try await CampaignAttribution.windows(
                for: facts.touches, known: [id: definition.attribution], workspaceID: workspaceID, session: session)
            var attribution = CampaignAttributionSummary(windows: definition.attribution, cost: definition.costPerMessage, messages: stats.sent)
            for (order, touch) in CampaignAttribution.attributed(orders: facts.orders, touches: facts.touches, campaignID: id, windows: windows) {
                attribution.add(order, wonBy: touch)
            }
            let window = definition.attribution.liftDays
            let outcome = try await session.campaigns.liftOutcome(campaignID: id, window: Double(window) * 86_400)
            let lift = CampaignLift(recipients: outcome.recipients, holdout: outcome.holdout, windowDays: window)
            var variants: [CampaignVariantOutcome] = []
            if let experiment = definition.experiment {
                variants = try await experiment.outcomes(campaignID: id, cost: definition.costPerMessage, window: Double(window) * 86_400, session: session)
            }
            return CampaignReport(
                campaign: campaign, stats: stats, attribution: attribution, lift: lift,
                currency: Self.reportCurrency(cost: definition.costPerMessage, revenues: [attribution.revenue, outcome.recipients.revenue, outcome.holdout.revenue]),
                variants: variants)
        }
    }

    /// The currency of the report's single figures: the cost's, else the one most revenue came in.
    static func reportCurrency(cost: CampaignMessageCost?, revenues: [[String: Int64]]) -> String? {
        if let cost { return cost.currency }
        var totals: [String: Int64] = [:]
        for revenue in revenues { totals.merge(revenue, uniquingKeysWith: +) }
        return totals.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
