import Foundation
import RapportCore

/// Campaign e-mail through a provider's HTTP API (`CampaignEmailAPI`): the batch made ready as
/// for every transport (`CampaignMessageBatch`: composed, and DKIM-signed when the provider
/// sends Rapport's message as it is), then one request per e-mail through `OutboundHTTP`,
/// `requestsInFlight` at a time, each within what is left of the batch's deadline. The
/// outcomes come back in the e-mails' order (`CampaignAPIOutcome`); a provider that cannot be
/// reached or does not answer in time defers the message.
struct HTTPCampaignTransport: CampaignEmailTransport {
    /// Enough to keep a provider busy from one worker without running into its rate limits
    /// (SES's default is 14 messages a second; its 429s defer the rest).
    static let requestsInFlight = 8

    let api: any CampaignEmailAPI
    let http: OutboundHTTP

    func deliver(_ emails: [CampaignEmail], through inbox: Inbox, at date: Date, deadline: Duration) async -> [CampaignDeliveryOutcome] {
        let batch = CampaignMessageBatch(emails, for: inbox, at: date, signing: api.sendsComposedMessage, unsignedHeaders: api.rewrittenHeaders)
        let late = "The batch's time ran out before this message was handed to \(api.provider.displayName)."
        let delivered = await ConcurrentDelivery.outcomes(
            of: batch.readyMessages, inFlight: Self.requestsInFlight, within: deadline, late: late
        ) { [api, http] message, left in
            await Self.hand(message, through: inbox, at: date, within: left, api: api, http: http, late: late)
        }
        var results = delivered.makeIterator()
        return batch.outcomes { _ in results.next() ?? .deferred(late) }
    }

    /// One message's request, and its answer as an outcome.
    static func hand(
        _ message: ComposedCampaignMessage, through inbox: Inbox, at date: Date, within left: Duration, api: any CampaignEmailAPI,
        http: OutboundHTTP, late: String
    ) async -> CampaignDeliveryOutcome {
        guard left > .zero else { return .deferred(late) }
        let request = api.request(for: message, through: inbox, at: date)
        do {
            let answer = try await Deadline.run(within: left, or: OutboundRefusal.timedOut) {
                try await http.post(request.url, headers: request.headers, body: request.body)
            }
            return CampaignAPIOutcome.outcome(of: answer, for: message, api: api)
        } catch {
            return .deferred("\(api.provider.displayName) could not be reached: \(error)")
        }
    }
}
