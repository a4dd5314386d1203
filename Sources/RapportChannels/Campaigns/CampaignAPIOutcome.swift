import Foundation
import RapportCore

/// How a provider's HTTP answer to one campaign e-mail becomes its outcome, the same for every
/// provider:
/// - 2xx: `sent`, with the id the provider's reports will name it by;
/// - 401 and 403 (the credentials or the sender refused), 404 and 3xx (no such domain,
///   configuration set or endpoint: the inbox's settings point elsewhere), and a refusal of
///   the account or the sender (`CampaignEmailAPI.refusesAccount`): `deferred`. Every
///   recipient would fail alike, so the message waits; the dispatcher pauses a campaign whose
///   whole batch was deferred, with these words as the reason, instead of failing the audience
///   one by one;
/// - 429 (rate-limited): `throttled`, back to the queue while the campaign slows down;
/// - 408 and 5xx (busy, down): `deferred`, tried again later;
/// - any other 4xx: `refused`, in the provider's own words (a recipient it will not take, a
///   message it finds malformed).
/// A provider that cannot be reached or does not answer in time is `deferred` by the caller.
enum CampaignAPIOutcome {
    static func outcome(of answer: OutboundHTTP.Answer, for message: ComposedCampaignMessage, api: any CampaignEmailAPI) -> CampaignDeliveryOutcome {
        let provider = api.provider.displayName
        let status = answer.status
        switch status {
        case 200..<300:
            return .sent(messageID: api.recordedMessageID(in: answer, for: message))
        case 401, 403:
            return .deferred(
                "\(provider) refused to send for the inbox (HTTP \(status)): \(providerWords(in: answer.body)). Check the inbox's credentials and its sender at \(provider); the campaign waits.")
        case 300..<400, 404:
            return .deferred(
                "\(provider) has nothing at the address the inbox's settings lead to (HTTP \(status)): \(providerWords(in: answer.body)). Check the domain, region, configuration set or api_base_url.")
        case 429:
            return .throttled("\(provider) asked for fewer messages (HTTP 429): \(providerWords(in: answer.body))")
        case 408, 500...:
            return .deferred("\(provider) did not take the message now (HTTP \(status)): \(providerWords(in: answer.body))")
        default:
            guard !api.refusesAccount(answer) else {
                return .deferred(
                    "\(provider) refused the inbox's account or sender (HTTP \(status)): \(providerWords(in: answer.body)). Fix it at \(provider) or in the inbox's settings; the campaign waits.")
            }
            return .refused("\(provider) refused the message (HTTP \(status)): \(providerWords(in: answer.body))")
        }
    }

    /// What the provider said, in its own words: the `message` (SES, Mailgun), `Message`
    /// (Postmark) or first `errors[].message` (SendGrid) of a JSON answer, else the start of the
    /// body.
    static func providerWords(in body: String) -> String {
        let root = try? JSONParser.parse(Array(body.utf8))
        let words = root?["message"]?.text ?? root?["Message"]?.text ?? root?["errors"]?.items.first?["message"]?.text ?? body
        var trimmed = String(words.trimmingCharacters(in: .whitespacesAndNewlines).prefix(300))
        // The reasons go on with a sentence of their own.
        while trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed.isEmpty ? "no explanation given" : trimmed
    }
}
