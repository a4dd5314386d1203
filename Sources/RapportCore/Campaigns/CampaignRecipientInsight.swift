/// What the insights say about a campaign's recipient, as the campaign names it: their RFM
/// segment (`customer.rfm_segment`) and their value band (`customer.value_band`, from the
/// monetary score).
public struct CampaignRecipientInsight: Sendable, Equatable {
    public var customerID: String
    public var segment: RFMSegment
    /// 1 to 5, the monetary quintile of the RFM round.
    public var monetaryScore: Int

    public init(customerID: String, segment: RFMSegment, monetaryScore: Int) {
        self.customerID = customerID
        self.segment = segment
        self.monetaryScore = monetaryScore
    }

    public var valueBand: CustomerValueBand { CustomerValueBand(monetaryScore: monetaryScore) }

    /// The variables: the segment's and the band's API names (`at_risk`, `high`), which
    /// read the same in every language and in a link's parameters.
    public var values: [String: String] {
        [CampaignPersonalisationNeeds.rfmSegment: segment.rawValue, CampaignPersonalisationNeeds.valueBand: valueBand.rawValue]
    }
}
