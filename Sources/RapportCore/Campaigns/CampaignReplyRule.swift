import Foundation

/// Which campaign message an inbound message answers, so the send counts as `replied` while
/// the reply itself lands in the inbox's conversation like any other. An e-mail names the
/// message it answers (`In-Reply-To`, `References`): a campaign e-mail sent over SMTP or
/// Mailgun has its send's `Message-ID` (SES replaces it, and SendGrid and Postmark give the
/// message their own, so replies to those are not matched). An SMS or a WhatsApp message (not a reaction) answers
/// the latest campaign message of the same inbox to that customer, when it went within
/// `textReplyWindow`. Only the send's own customer, through the campaign's own inbox, counts.
public enum CampaignReplyRule {
    /// Klaviyo and Attentive count an SMS reply within a few days; three days here.
    public static let textReplyWindow: TimeInterval = 3 * 86_400
    /// Ids named by a message that are looked up at most (a long thread's References: the
    /// newest, where a campaign's message would be).
    public static let maximumReferences = 50

    /// The send `inbound` answers, from the customer of its conversation, through `inbox`.
    public static func answeredSend(
        _ inbound: InboundMessage, customerID: String, inbox: Inbox, session: any StoreSession, now: Date
    ) async throws -> CampaignSend? {
        switch inbox.channel {
        case .email:
            var ids: [String] = []
            for reference in inbound.references.reversed() {
                let id = reference.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")).lowercased()
                if !id.isEmpty, !ids.contains(id) { ids.append(id) }
                if ids.count == maximumReferences { break }
            }
            let sends = try await session.campaigns.sends(providerMessageIDs: ids, customerID: customerID, inboxID: inbox.id)
            // Newest named first: a reply names the message it answers last in its References.
            return ids.lazy.compactMap { id in sends.first { $0.providerMessageID == id } }.first
        case .sms, .whatsapp:
            guard inbound.kind != .reaction else { return nil }
            return try await session.campaigns.latestSend(customerID: customerID, inboxID: inbox.id, since: now.addingTimeInterval(-textReplyWindow))
        default:
            return nil
        }
    }
}
