import Foundation

/// Which campaign message an inbound message answers, so the send counts as `replied` while
/// the reply itself lands in the inbox's conversation like any other. An e-mail names the
/// message it answers (`In-Reply-To`, `References`: a campaign e-mail's `Message-ID` is its
/// send's), and so does a WhatsApp reply that quotes one or taps a template's button (its
/// `context.id` is the message's `wamid`). A text that names nothing (an SMS, an unquoted
/// WhatsApp message) answers the latest campaign message of the same inbox to that customer,
/// when it went within `textReplyWindow`.
public enum CampaignReplyRule {
    /// Klaviyo and Attentive count an SMS reply within a few days; three days here.
    public static let textReplyWindow: TimeInterval = 3 * 86_400
    /// Ids named by a message that are looked up at most (a long thread's References).
    public static let maximumReferences = 20

    /// The send `inbound` answers, from the customer of its conversation, through `inbox`.
    public static func answeredSend(
        _ inbound: InboundMessage, customerID: String, inbox: Inbox, session: any StoreSession, now: Date
    ) async throws -> CampaignSend? {
        for reference in inbound.references.suffix(maximumReferences).reversed() {
            let id = reference.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")).lowercased()
            guard !id.isEmpty, let send = try await session.campaigns.send(providerMessageID: id, workspaceID: inbox.workspaceID),
                send.customerID == customerID
            else { continue }
            return send
        }
        guard inbox.channel == .sms || inbox.channel == .whatsapp else { return nil }
        return try await session.campaigns.latestSend(customerID: customerID, inboxID: inbox.id, since: now.addingTimeInterval(-textReplyWindow))
    }
}
