import Foundation

/// Applies a provider's delivery feedback for an e-mail inbox: a hard bounce suppresses the
/// address for every message; a complaint suppresses it for everything that needs consent and
/// withdraws marketing e-mail; an unsubscribe withdraws marketing e-mail. The withdrawals are
/// recorded for the customer holding that address (source `provider`).
public struct DeliveryFeedbackService: Sendable {
    private let consents: ConsentService
    private let customers: CustomerService
    private var context: CoreContext { customers.context }

    public init(consents: ConsentService, customers: CustomerService) {
        self.consents = consents
        self.customers = customers
    }

    /// A bounce mailed back to the inbox (RFC 3464). Anyone can mail the inbox a made-up one
    /// to silence someone's address, so it is believed only for a message Rapport sent from
    /// this inbox (a reply in a conversation, or a campaign e-mail), which the bounce quotes by
    /// its Message-ID (random, never shown to others), and only for the address that message
    /// went to. A campaign e-mail's send is marked bounced. Returns how many reports changed
    /// something.
    public func applyReturned(_ feedback: [DeliveryFeedback], originalMessageID: String?, inbox: Inbox) async throws -> Int {
        guard let id = originalMessageID, !feedback.isEmpty else { return 0 }
        let (sentTo, sendID) = try await context.store.read { session -> (String?, String?) in
            if let message = try await session.conversations.message(providerMessageID: id, inboxID: inbox.id),
                message.direction == .outgoing, message.workspaceID == inbox.workspaceID,
                let conversation = try await session.conversations.find(id: message.conversationID, workspaceID: inbox.workspaceID)
            {
                return (conversation.contact.lowercased(), nil)
            }
            guard let send = try await session.campaigns.send(providerMessageID: id, workspaceID: inbox.workspaceID),
                try await session.campaigns.find(id: send.campaignID, workspaceID: inbox.workspaceID)?.inboxID == inbox.id
            else { return (nil, nil) }
            return (send.address?.lowercased(), send.id)
        }
        guard let sentTo else { return 0 }
        let believed = feedback.filter { $0.address.lowercased() == sentTo }
        if let sendID, let kind = believed.first(where: { $0.kind != .unsubscribe })?.kind {
            let now = context.clock.now()
            try await context.write { transaction in try await transaction.session.campaigns.recordFeedback(kind, sendID: sendID, at: now) }
        }
        return try await apply(believed, inbox: inbox, provider: "bounce")
    }

    /// Returns how many reports changed something.
    public func apply(_ feedback: [DeliveryFeedback], inbox: Inbox, provider: String) async throws -> Int {
        guard let channel = inbox.channel.consentChannel else { return 0 }
        var applied = 0
        for report in feedback {
            try await context.write { transaction in
                let session = transaction.session
                let now = transaction.now
                switch report.kind {
                case .hardBounce, .complaint:
                    try await session.suppressions.suppress(Suppression(
                        workspaceID: inbox.workspaceID, channel: channel, address: report.address,
                        reason: report.kind == .hardBounce ? .hardBounce : .complaint, source: provider, createdAt: now))
                case .unsubscribe:
                    break
                }
                guard report.kind != .hardBounce, let identity = ContactIdentity.inputs(channel: inbox.channel, address: report.address).first,
                    case .success(let normalized) = customers.normalizer.normalize(identity, field: "address"),
                    let owner = try await session.customers.owners(of: [normalized.key], workspaceID: inbox.workspaceID)[normalized.key],
                    !owner.isDeleted
                else { return }
                _ = try await consents.change(
                    ConsentInput(
                        purpose: ConsentPurpose.marketing.rawValue, channel: channel.rawValue, status: "withdrawn", occurredAt: report.occurredAt,
                        text: report.kind == .complaint ? "Reported a message as spam (\(provider))" : "Unsubscribed through \(provider)'s link"),
                    source: .provider, customerID: owner.customerID, witness: .none, actor: "inbox:\(inbox.id)", workspaceID: inbox.workspaceID,
                    in: transaction)
            }
            applied += 1
        }
        return applied
    }
}
