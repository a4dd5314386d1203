import Foundation
import RapportCore

@testable import RapportChannels

/// What the provider transports' tests share: an e-mail inbox on a local provider API, the
/// campaign e-mails of one batch, the transport the server builds, and a reader for the
/// messages the providers receive.
enum CampaignTransportFixtures {
    static let now = Date(timeIntervalSince1970: 1_767_607_200)

    /// The batch every provider test sends: one the provider takes, one it has no time for now
    /// (429), one it refuses (400/422).
    static let accepted = "ann@example.com"
    static let busy = "busy@example.com"
    static let refused = "bad@example.com"

    /// The transport as `AppServices` builds it, allowed to call 127.0.0.1.
    static let transport = ProviderRoutingCampaignTransport(
        smtp: SMTPCampaignTransport(targets: OutboundTargets(allowsPrivate: true)), http: OutboundHTTP(targets: OutboundTargets(allowsPrivate: true)))

    /// An e-mail inbox of news@shop.example with `settings` on top (the provider and its
    /// credentials), signing with `key` for shop.example when one is given.
    static func inbox(_ settings: [String: String], dkim key: DKIMKey? = nil) -> Inbox {
        var all = ["address": "news@shop.example", "display_name": "Toko Ütopia"].merging(settings) { _, given in given }
        if let key {
            all["dkim_domain"] = "shop.example"
            all["dkim_selector"] = "s1"
            all["dkim_private_key"] = key.pemRepresentation
        }
        return Inbox(id: "inb_1", workspaceID: "wsp_1", channel: .email, name: "News", settings: all, teamID: nil, slaPolicyID: nil, createdAt: now)
    }

    /// A rendered campaign e-mail to `address`, its send's id made from the address.
    static func email(to address: String) -> CampaignEmail {
        let sendID = "snd_01JTEST" + address.prefix(while: { $0 != "@" }).uppercased()
        return CampaignEmail(
            sendID: sendID, campaignID: "cmp_01JTEST", workspaceID: "wsp_1", address: address, name: "Ann Example",
            subject: "Three picks for you", preheader: nil, html: "<p>Hello Ann, three picks for you.</p>", text: "Hello Ann, three picks for you.",
            unsubscribeURL: "https://shop.example/unsubscribe/tok1?send=\(sendID)", unsubscribeMailto: "mailto:news@shop.example?subject=unsubscribe%20tok1")
    }

    /// The batch, in order: accepted, busy, refused.
    static var batch: [CampaignEmail] { [accepted, busy, refused].map(email(to:)) }

    /// Sends the batch through `inbox` with a minute to spare.
    static func deliver(_ emails: [CampaignEmail] = CampaignTransportFixtures.batch, through inbox: Inbox) async -> [CampaignDeliveryOutcome] {
        await transport.deliver(emails, through: inbox, at: now, deadline: .seconds(60))
    }

    /// The value of a message's header (unfolded), or nil.
    static func header(_ name: String, in message: String) -> String? {
        let head = message.components(separatedBy: "\r\n\r\n").first ?? ""
        let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        let prefix = name.lowercased() + ":"
        return unfolded.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
    }

    /// Whether an outcome is `deferred`, and its reason contains `words`.
    static func isDeferred(_ outcome: CampaignDeliveryOutcome?, saying words: String = "") -> Bool {
        guard case .deferred(let reason)? = outcome else { return false }
        return words.isEmpty || reason.contains(words)
    }

    /// Whether an outcome is `throttled` (the provider's 429), and its reason contains `words`.
    static func isThrottled(_ outcome: CampaignDeliveryOutcome?, saying words: String = "") -> Bool {
        guard case .throttled(let reason)? = outcome else { return false }
        return reason.contains("429") && (words.isEmpty || reason.contains(words))
    }

    /// Whether an outcome is `refused`.
    static func isRefused(_ outcome: CampaignDeliveryOutcome?) -> Bool {
        guard case .refused? = outcome else { return false }
        return true
    }
}
