import Foundation

/// A moment a customer opened or clicked a campaign message: what last-touch attribution
/// weighs an order against.
public struct CampaignTouch: Sendable, Equatable {
    public var campaignID: String
    public var sendID: String
    public var customerID: String
    public var kind: CampaignEngagement
    public var at: Date

    public init(campaignID: String, sendID: String, customerID: String, kind: CampaignEngagement, at: Date) {
        self.campaignID = campaignID
        self.sendID = sendID
        self.customerID = customerID
        self.kind = kind
        self.at = at
    }
}
