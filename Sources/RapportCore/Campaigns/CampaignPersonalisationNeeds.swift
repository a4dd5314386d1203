/// What a campaign's content names beyond the recipient's profile, so the sender reads only
/// that: the latest order for any `order.` variable, the insights for `customer.rfm_segment`
/// and `customer.value_band`, the recommender for `{{recommendations}}`, the order to review for
/// `{{review_link}}`. Every locale, part
/// (subject, preheader, body, text, a WhatsApp template's parameters) and test variant counts.
public struct CampaignPersonalisationNeeds: Sendable, Equatable {
    public static let orderPrefix = "order."
    public static let rfmSegment = "customer.rfm_segment"
    public static let valueBand = "customer.value_band"
    public static let reviewLink = "review_link"

    public var latestOrder: Bool
    public var insights: Bool
    public var recommendations: Bool
    public var reviewLink: Bool

    public init(latestOrder: Bool = false, insights: Bool = false, recommendations: Bool = false, reviewLink: Bool = false) {
        self.latestOrder = latestOrder
        self.insights = insights
        self.recommendations = recommendations
        self.reviewLink = reviewLink
    }

    public init(_ definition: CampaignDefinition) {
        let contents = Array(definition.content.values) + (definition.experiment?.variants.flatMap { Array($0.content.values) } ?? [])
        var names = Set<String>()
        for content in contents {
            let parts = [content.subject, content.preheader, content.body, content.text].compactMap { $0 } + (content.template?.parameters ?? [])
            for part in parts { names.formUnion(MessageTemplate.variableNames(in: part)) }
        }
        self.init(
            latestOrder: names.contains { $0.hasPrefix(Self.orderPrefix) }, insights: names.contains(Self.rfmSegment) || names.contains(Self.valueBand),
            recommendations: names.contains(CampaignProductBlock.variableName), reviewLink: names.contains(Self.reviewLink))
    }

    /// Nothing beyond the profile: the sender reads nothing more.
    public var isEmpty: Bool { !latestOrder && !insights && !recommendations && !reviewLink }
}
