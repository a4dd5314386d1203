/// A campaign's link check (`CampaignDispatcher.checkLinks`): its distinct links, each with its
/// places, findings and what fetching it found, and how many came to what.
public struct CampaignLinkReport: Sendable, Equatable {
    public var campaignID: String
    /// The customer whose values filled the personalised links; nil for the sample recipient.
    public var customerID: String?
    public var links: [CampaignContentLink]

    public init(campaignID: String, customerID: String?, links: [CampaignContentLink]) {
        self.campaignID = campaignID
        self.customerID = customerID
        self.links = links
    }

    public var ok: Int { count(.ok) }
    public var warnings: Int { count(.warning) }
    public var broken: Int { count(.broken) }
    public var unchecked: Int { count(.unchecked) }

    private func count(_ status: CampaignLinkStatus) -> Int {
        links.count(where: { $0.status == status })
    }
}
