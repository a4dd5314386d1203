import RapportLearning

extension CampaignExperiment {
    /// How every variant did among the test's messages within `window` seconds of the draw, in
    /// the order of `names` (`A` first), a variant no test message reached as empty. Revenue per
    /// recipient is counted in the cost's currency, else the one the test's orders brought most in.
    func outcomes(campaignID: String, cost: CampaignMessageCost?, window: Double, session: any StoreSession) async throws -> [CampaignVariantOutcome] {
        var currency: String?
        if metric == .revenuePerRecipient {
            currency = CampaignService.reportCurrency(
                cost: cost, revenues: [try await session.campaigns.testRevenueByCurrency(campaignID: campaignID, window: window)])
        }
        let found = try await session.campaigns.variantOutcomes(campaignID: campaignID, metric: metric, window: window, currency: currency)
        return names.map { name in
            found.first { $0.name == name }
                ?? CampaignVariantOutcome(
                    name: name, members: 0, successes: 0, revenue: metric == .revenuePerRecipient ? SampleSummary(count: 0, sum: 0, sumOfSquares: 0) : nil,
                    currency: currency)
        }
    }
}
