import Foundation
import RapportCore

/// Sends SMS campaigns through Twilio and WhatsApp campaigns through the Cloud API, with the
/// inbox's credentials, `concurrency` requests in flight: a provider takes each message in its
/// own request, so one at a time would cap a campaign at the round trip's pace rather than at
/// the provider's rate limit. A refusal worth retrying (a 429, a 5xx, a timeout) is `deferred`,
/// any other `refused`; what the deadline leaves unsent comes back `deferred`.
public struct ProviderCampaignTextTransport: CampaignTextTransport {
    public static let defaultConcurrency = 32
    let sms: TwilioSMSSender
    let whatsApp: WhatsAppSender
    let concurrency: Int

    public init(http: OutboundHTTP, statusCallback: @escaping @Sendable (Inbox) -> String, concurrency: Int = ProviderCampaignTextTransport.defaultConcurrency) {
        sms = TwilioSMSSender(http: http, statusCallback: statusCallback)
        whatsApp = WhatsAppSender(http: http)
        self.concurrency = max(1, concurrency)
    }

    public func deliver(_ messages: [CampaignTextMessage], through inbox: Inbox, deadline: Duration) async -> [CampaignDeliveryOutcome] {
        await ConcurrentDelivery.outcomes(
            of: messages, inFlight: concurrency, within: deadline, late: Self.late
        ) { [self] message, left in await deliver(message, through: inbox, within: left) }
    }

    static let late = "The batch's time ran out before this message went."

    private func deliver(_ message: CampaignTextMessage, through inbox: Inbox, within left: Duration) async -> CampaignDeliveryOutcome {
        guard left > .zero else { return .deferred(Self.late) }
        do {
            let id = try await Deadline.run(within: left, or: JobFailure.retry("The provider did not answer in time.")) { [sms, whatsApp] in
                switch inbox.channel {
                case .sms:
                    return try await sms.send(text: message.text ?? "", to: message.address, through: inbox)
                case .whatsapp:
                    return try await whatsApp.send(to: message.address, text: message.text, template: message.template, through: inbox)
                default:
                    throw JobFailure.permanent("A \(inbox.channel.rawValue) inbox sends no campaign messages.")
                }
            }
            return .sent(messageID: id)
        } catch let failure as JobFailure {
            switch failure {
            case .permanent(let reason): return .refused(reason)
            case .rateLimited(let reason): return .throttled(reason)
            case .retry(let reason): return .deferred(reason)
            }
        } catch {
            return .deferred("\(error)")
        }
    }
}
