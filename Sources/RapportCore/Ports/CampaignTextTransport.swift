import Foundation

/// Hands a campaign's SMS or WhatsApp messages to the inbox's provider (Twilio, the WhatsApp
/// Cloud API), several at a time, and answers an outcome per message in the same order: sent
/// with the provider's id, refused for good, or deferred to try again (a rate limit, a
/// provider down). It gives up within `deadline`, so that a batch is never still going out
/// when its claim runs out; what it did not get to comes back deferred.
public protocol CampaignTextTransport: Sendable {
    func deliver(_ messages: [CampaignTextMessage], through inbox: Inbox, deadline: Duration) async -> [CampaignDeliveryOutcome]
}
