import Foundation

extension CampaignDispatcher {
    /// What the campaign's messages name beyond the profile, for a claimed batch
    /// (`CampaignPersonalisation`): only what its content names (`CampaignPersonalisationNeeds`:
    /// nothing is read for a campaign that names none of it), each kind read for the whole
    /// batch at once — the latest orders in one query, the RFM rows in one, the recommender's
    /// signals in one per kind, scored by the workspace's trained model (trained here first
    /// when this process has none yet), the recommended products' cards in one, and the orders
    /// of `{{review_link}}` in one per kind.
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
        var personalisation = CampaignPersonalisation(
            claims: claims, definition: campaign.definition, orders: orders, insights: insights, recommendations: recommendations, products: products)
        if needs.reviewLink {
            for (sendID, url) in try await reviewLinks(for: claims, workspaceID: workspaceID) {
                personalisation.sendVariables[sendID, default: [:]][CampaignPersonalisationNeeds.reviewLink] = url
            }
        }
        return personalisation
    }

    /// Each claim's `{{review_link}}`: the signed page of the order a journey's enrolment came
    /// from (the delivery that let them into a post-purchase journey) while it is theirs, else
    /// of the customer's latest delivered order; none for a customer with neither. By send id.
    private func reviewLinks(for claims: [CampaignSendClaim], workspaceID: String) async throws -> [String: String] {
        let enrolments = Dictionary(
            claims.compactMap { claim in JourneyMessage.enrolmentID(inOccurrence: claim.occurrence).map { (claim.sendID, $0) } },
            uniquingKeysWith: { first, _ in first })
        let orders = try await context.store.read { session in
            try await session.campaigns.reviewOrders(
                enrolmentIDs: Array(Set(enrolments.values)).sorted(), customerIDs: Array(Set(claims.map(\.customerID))).sorted(), workspaceID: workspaceID)
        }
        let now = clock.now()
        var links: [String: String] = [:]
        for claim in claims {
            // The enrolment's order only while it is the recipient's (an unmerge can take it back to the other profile).
            let enrolled = enrolments[claim.sendID].flatMap { orders.byEnrolment[$0] }.flatMap { $0.customerID == claim.customerID ? $0.orderID : nil }
            guard let orderID = enrolled ?? orders.latestDelivered[claim.customerID] else { continue }
            let link = ReviewRequestLink.issued(workspaceID: workspaceID, orderID: orderID, at: now)
            links[claim.sendID] = self.links.reviewURL(link, signature: signer.signature(of: link.signedText))
        }
        return links
    }
}
