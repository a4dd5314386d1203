import Foundation

extension CampaignDispatcher {
    /// What the campaign's messages name beyond the profile, for a claimed batch
    /// (`CampaignPersonalisation`): only what its content names (`CampaignPersonalisationNeeds`:
    /// nothing is read for a campaign that names none of it), each kind read for the whole
    /// batch at once — the latest orders in one query, the RFM rows in one, the recommender's
    /// signals in one per kind, scored by the workspace's trained model (trained here first
    /// when this process has none yet), and the recommended products' cards in one.
    public func personalisation(for claims: [CampaignSendClaim], of campaign: Campaign) async throws -> CampaignPersonalisation {
        let needs = CampaignPersonalisationNeeds(campaign.definition)
        guard !needs.isEmpty, !claims.isEmpty else { return .none }
        let customerIDs = claims.map(\.customerID)
        let workspaceID = campaign.workspaceID
        let (orders, insights) = try await context.store.read { session in
            var orders: [CampaignOrder] = []
            var insights: [CampaignRecipientInsight] = []
            if needs.latestOrder { orders = try await session.campaigns.latestOrders(customerIDs: customerIDs, workspaceID: workspaceID) }
            if needs.insights { insights = try await session.campaigns.recipientInsights(customerIDs: customerIDs, workspaceID: workspaceID) }
            return (orders, insights)
        }
        var recommendations: [String: [ProductRecommendation]] = [:]
        var products: [CampaignProduct] = []
        if needs.recommendations {
            recommendations = try await RecommendationService(customers: campaigns.customers)
                .forCustomers(customerIDs, workspaceID: workspaceID, limit: CampaignPersonalisation.recommendationCandidates)
            let productIDs = Set(recommendations.values.joined().map(\.productID)).sorted()
            if !productIDs.isEmpty {
                products = try await context.store.read { session in try await session.campaigns.products(ids: productIDs, workspaceID: workspaceID) }
            }
        }
        return CampaignPersonalisation(
            claims: claims, definition: campaign.definition, orders: orders, insights: insights, recommendations: recommendations, products: products)
    }
}
