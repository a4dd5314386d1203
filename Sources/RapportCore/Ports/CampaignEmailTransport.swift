import Foundation

/// Hands a campaign's rendered e-mails to the inbox's mail server (or provider), in order.
/// It composes each message (MIME, the list headers, the DKIM signature of the inbox's
/// sending domain) and answers an outcome per e-mail, in the same order; once the server is
/// lost, the rest come back `deferred`. It gives up within `deadline`, so that a batch is
/// never still going out when its claim runs out.
public protocol CampaignEmailTransport: Sendable {
    func deliver(_ emails: [CampaignEmail], through inbox: Inbox, at date: Date, deadline: Duration) async -> [CampaignDeliveryOutcome]
}
