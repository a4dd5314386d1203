import Foundation
import RapportCore

/// A provider's HTTP API as campaign e-mail uses it: how one composed e-mail becomes one
/// request, which id of an accepted request the provider's delivery reports later name the
/// message by, and which refusals are of the account rather than of the message.
/// `HTTPCampaignTransport` does everything else the same way for every provider.
protocol CampaignEmailAPI: Sendable {
    /// Which provider it is (its name in the outcomes' reasons).
    var provider: EmailProvider { get }

    /// Header fields the provider replaces in the message it was given, which Rapport's DKIM
    /// signature must therefore leave out (Amazon SES sets its own `Message-ID` and `Date`).
    var rewrittenHeaders: Set<String> { get }

    /// The request that hands `message` to the provider with the inbox's credentials; `date`
    /// is the instant a signature is made for.
    func request(for message: ComposedCampaignMessage, through inbox: Inbox, at date: Date) -> CampaignAPIRequest

    /// The id the provider's delivery reports will name the accepted message by, as the
    /// report parsers give it (`DeliveryFeedback.messageID`), so that feedback finds the send.
    func recordedMessageID(in answer: OutboundHTTP.Answer, for message: ComposedCampaignMessage) -> String

    /// Whether a 4xx refusal is of the account or the sender (suspended, over quota, an
    /// unverified sender), which no recipient can pass, rather than of this message.
    func refusesAccount(_ answer: OutboundHTTP.Answer) -> Bool
}

extension CampaignEmailAPI {
    /// Whether the provider sends the message Rapport composed as it is, Rapport's DKIM
    /// signature included (`EmailProvider.sendsComposedMessage`).
    var sendsComposedMessage: Bool { provider.sendsComposedMessage }

    func refusesAccount(_ answer: OutboundHTTP.Answer) -> Bool { false }

    /// Where the provider's API is for this inbox: its `api_base_url` (tests, proxies) when
    /// set, else `standard`; without a trailing slash.
    func baseURL(of inbox: Inbox, standard: String) -> String {
        var base = inbox[.apiBaseURL] ?? standard
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// The answer's body as JSON, when it is JSON.
    func json(of answer: OutboundHTTP.Answer) -> JSONValue? {
        try? JSONParser.parse(Array(answer.body.utf8))
    }
}
