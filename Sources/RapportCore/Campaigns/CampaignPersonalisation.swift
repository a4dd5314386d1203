/// What a campaign's messages say about each recipient beyond their profile, read for a whole
/// batch at once (`CampaignDispatcher.personalisation(for:of:)`): variables from their latest
/// order (`order.number`, …) and the insights (`customer.rfm_segment`, `customer.value_band`),
/// and the products of `{{recommendations}}`. A recipient with none of it gets the fallbacks.
public struct CampaignPersonalisation: Sendable, Equatable {
    /// Nothing beyond the profile.
    public static let none = CampaignPersonalisation(variables: [:], recommended: [:])
    /// Recommendations asked per recipient: more than a block shows, so that products taken
    /// off the catalog since the model trained leave no gap.
    public static let recommendationCandidates = 2 * CampaignProductBlock.maximumProducts

    /// Variables by customer id.
    public var variables: [String: [String: String]]
    /// Variables of one message, by send id (`{{review_link}}`: two sends to one customer may
    /// ask about two orders); they win over the customer's.
    public var sendVariables: [String: [String: String]] = [:]
    /// Products by customer id, best first, at most `CampaignProductBlock.maximumProducts`.
    public var recommended: [String: [CampaignProduct]]

    public init(variables: [String: [String: String]], recommended: [String: [CampaignProduct]]) {
        self.variables = variables
        self.recommended = recommended
    }

    /// Put together from what was read for a batch: each claim's order dated in the language
    /// of the content they get, their insights, and their recommendations as the catalog's
    /// cards (products no longer active left out).
    public init(
        claims: [CampaignSendClaim], definition: CampaignDefinition, orders: [CampaignOrder], insights: [CampaignRecipientInsight],
        recommendations: [String: [ProductRecommendation]], products: [CampaignProduct]
    ) {
        var locales: [String: String] = [:]
        for claim in claims { locales[claim.customerID] = CampaignEmailRenderer.content(for: claim.locale, in: definition).locale }
        var variables: [String: [String: String]] = [:]
        for order in orders {
            variables[order.customerID, default: [:]].merge(order.values(locale: locales[order.customerID] ?? definition.defaultLocale)) { kept, _ in kept }
        }
        for insight in insights { variables[insight.customerID, default: [:]].merge(insight.values) { kept, _ in kept } }
        let cards = Dictionary(products.map { ($0.productID, $0) }, uniquingKeysWith: { first, _ in first })
        var chosen: [String: [CampaignProduct]] = [:]
        for (customerID, picks) in recommendations {
            let shown = picks.compactMap { cards[$0.productID] }.prefix(CampaignProductBlock.maximumProducts)
            if !shown.isEmpty { chosen[customerID] = Array(shown) }
        }
        self.init(variables: variables, recommended: chosen)
    }

    public var isEmpty: Bool { variables.isEmpty && recommended.isEmpty && sendVariables.isEmpty }

    /// A recipient's variables: `base` (their profile's, `CampaignEmailRenderer.values(for:)`)
    /// with theirs from here added. The profile's win a clash.
    public func values(for customerID: String, base: [String: String]) -> [String: String] {
        guard let extra = variables[customerID] else { return base }
        return base.merging(extra) { profile, _ in profile }
    }

    /// A message's variables: its customer's (`values(for:base:)`) with the send's own added.
    public func values(for claim: CampaignSendClaim, base: [String: String]) -> [String: String] {
        let customer = values(for: claim.customerID, base: base)
        guard let own = sendVariables[claim.sendID] else { return customer }
        return customer.merging(own) { _, send in send }
    }

    /// A recipient's products for `{{recommendations}}`, best first.
    public func products(for customerID: String) -> [CampaignProduct] {
        recommended[customerID] ?? []
    }
}
