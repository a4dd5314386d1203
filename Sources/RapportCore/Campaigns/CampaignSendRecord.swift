import Foundation

/// What a sender writes back for one claimed send.
public struct CampaignSendRecord: Sendable, Equatable {
    public var sendID: String
    public var outcome: CampaignDeliveryOutcome

    public init(sendID: String, outcome: CampaignDeliveryOutcome) {
        self.sendID = sendID
        self.outcome = outcome
    }
}
