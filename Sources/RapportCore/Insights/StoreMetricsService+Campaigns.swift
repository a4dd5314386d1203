import Foundation

extension StoreMetricsService {
    /// The campaign return of [from, to) (`CampaignReturn`): the latest `CampaignReturn.campaignLimit`
    /// campaigns with messages sent in the range, then the orders placed in the range that
    /// their touches might have won and every touch of those customers, weighed as a campaign's
    /// report weighs them. The same few statements however many campaigns there are.
    static func campaignReturn(workspaceID: String, currency: String, from: Date, to: Date, session: any StoreSession) async throws
        -> CampaignReturn
    {
        let repository = session.campaigns
        let sent = try await repository.sentCampaigns(workspaceID: workspaceID, from: from, to: to, limit: CampaignReturn.campaignLimit + 1)
        let counted = Array(sent.prefix(CampaignReturn.campaignLimit))
        var known: [String: CampaignAttributionWindows] = [:]
        for (campaign, _) in counted { known[campaign.id] = campaign.definition.attribution }
        // No campaign: no statement (the store answers nothing for no ids).
        let facts = try await repository.attributionFacts(
            campaignIDs: counted.map { $0.campaign.id }, workspaceID: workspaceID, windows: CampaignAttributionWindows.widest(known.values),
            placedFrom: from, placedBefore: to)
        let windows = try await CampaignAttribution.windows(for: facts.touches, known: known, workspaceID: workspaceID, session: session)
        return CampaignReturn(
            currency: currency, campaigns: counted, orders: facts.orders, touches: facts.touches, windows: windows, from: from, to: to,
            truncated: sent.count > CampaignReturn.campaignLimit)
    }
}
