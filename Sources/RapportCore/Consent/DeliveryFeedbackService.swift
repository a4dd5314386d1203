import Foundation

/// Applies a provider's delivery feedback for an e-mail inbox: a hard bounce suppresses the
/// address for every message; a soft bounce is counted, and at the `softBounceLimit`-th within
/// `softBounceWindow` suppresses the address for everything that needs consent (service mail
/// still goes); a delivery to the address clears its count; a complaint suppresses it for
/// everything that needs consent and withdraws marketing e-mail; an unsubscribe withdraws
/// marketing e-mail. The withdrawals are recorded for the customer holding that address (source
/// `provider`). A report that names, by its Message-ID, a campaign e-mail of this inbox that
/// went to that very address is recorded on the campaign's send too (bounced, complained,
/// unsubscribed, delivered).
public struct DeliveryFeedbackService: Sendable {
    /// How many soft bounces of one address (one per message) within `softBounceWindow`
    /// suppress it: a full mailbox or a server down for a day passes, a mailbox that refuses
    /// message after message for a month is treated as gone.
    public static let softBounceLimit = 3
    public static let softBounceWindow: TimeInterval = 30 * 86_400

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
        let sentTo = try await context.store.read { session -> String? in
            if let message = try await session.conversations.message(providerMessageID: id, inboxID: inbox.id),
                message.direction == .outgoing, message.workspaceID == inbox.workspaceID,
                let conversation = try await session.conversations.find(id: message.conversationID, workspaceID: inbox.workspaceID)
            {
                return conversation.contact.lowercased()
            }
            return try await Self.campaignSend(messageID: id, inbox: inbox, in: session)?.address?.lowercased()
        }
        guard let sentTo else { return 0 }
        // Each believed report names the returned message, so `apply` finds a campaign's send by it.
        let believed = feedback.filter { $0.address.lowercased() == sentTo }.map {
            DeliveryFeedback(kind: $0.kind, address: $0.address, occurredAt: $0.occurredAt, messageID: id, providerID: $0.providerID)
        }
        return try await apply(believed, inbox: inbox, provider: "bounce")
    }

    /// Returns how many reports changed something. A delivery changes something only when it
    /// names a campaign send of this inbox to that address that is not yet marked delivered, or
    /// when the address has soft bounces on record (a mailbox that took a message is not
    /// failing: its count is cleared and a `soft_bounce` suppression lifted); that is decided in
    /// a read first, so the delivery of every conversation e-mail opens no write.
    ///
    /// `onceToken`, a provider's one-time id of this delivery (an SNS `MessageId`), is recorded
    /// in the same transaction as everything the reports change: a delivery seen before
    /// changes nothing (0), and one whose changes failed can be delivered again, as the
    /// provider retries it. A delivery with nothing to change records no token.
    public func apply(_ feedback: [DeliveryFeedback], inbox: Inbox, provider: String, onceToken: String? = nil) async throws -> Int {
        guard let channel = inbox.channel.consentChannel else { return 0 }
        let changingDeliveries = try await deliveriesThatChange(feedback, channel: channel, inbox: inbox)
        let reports = feedback.indices.filter { feedback[$0].kind != .delivered || changingDeliveries.contains($0) }.map { feedback[$0] }
        guard !reports.isEmpty else { return 0 }
        if let onceToken {
            return try await context.write { transaction -> Int in
                guard try await transaction.session.inboxes.recordNonce(onceToken, inboxID: inbox.id, at: transaction.now) else { return 0 }
                var applied = 0
                for report in reports {
                    if try await apply(report, channel: channel, inbox: inbox, provider: provider, in: transaction) { applied += 1 }
                }
                return applied
            }
        }
        var applied = 0
        for report in reports {
            let didChange = try await context.write { transaction in
                try await apply(report, channel: channel, inbox: inbox, provider: provider, in: transaction)
            }
            if didChange { applied += 1 }
        }
        return applied
    }

    /// Forgets soft bounces older than `softBounceWindow` (run hourly): they count for nothing
    /// any more, and an address that never bounces again would otherwise keep them.
    public func purgeExpiredSoftBounces() async throws -> Int {
        let cutoff = context.clock.now().addingTimeInterval(-Self.softBounceWindow)
        return try await context.store.write { session in try await session.suppressions.purgeSoftBounces(before: cutoff) }
    }

    /// The positions of the deliveries among `feedback` that would change something, read in
    /// one read transaction (none when there is no delivery).
    private func deliveriesThatChange(_ feedback: [DeliveryFeedback], channel: ConsentChannel, inbox: Inbox) async throws -> Set<Int> {
        guard feedback.contains(where: { $0.kind == .delivered }) else { return [] }
        return try await context.store.read { session -> Set<Int> in
            var changing = Set<Int>()
            for (index, report) in feedback.enumerated() where report.kind == .delivered {
                if let messageID = report.messageID, let send = try await Self.campaignSend(messageID: messageID, inbox: inbox, in: session),
                    send.address?.lowercased() == report.address.lowercased(), send.status == .sent || send.deliveredAt == nil
                {
                    changing.insert(index)
                } else if try await Self.hasSoftBounces(report.address, channel: channel, workspaceID: inbox.workspaceID, in: session) {
                    changing.insert(index)
                }
            }
            return changing
        }
    }

    /// Whether the address has soft bounces on record or is suppressed for them.
    private static func hasSoftBounces(_ address: String, channel: ConsentChannel, workspaceID: String, in session: any StoreSession) async throws -> Bool {
        let suppressions = session.suppressions
        if try await suppressions.softBounceCount(channel: channel, address: address, workspaceID: workspaceID) > 0 { return true }
        return try await suppressions.reasons(channel: channel, address: address, workspaceID: workspaceID).contains(.softBounce)
    }

    /// One report applied in `transaction`; whether it changed something.
    private func apply(_ report: DeliveryFeedback, channel: ConsentChannel, inbox: Inbox, provider: String, in transaction: WriteTransaction) async throws -> Bool {
        let session = transaction.session
        let now = transaction.now
        var changed = false
        if report.kind != .softBounce, let messageID = report.messageID,
            let send = try await Self.campaignSend(messageID: messageID, inbox: inbox, in: session),
            send.address?.lowercased() == report.address.lowercased()
        {
            try await session.campaigns.recordFeedback(report.kind, sendID: send.id, at: now)
            changed = true
        }
        switch report.kind {
        case .delivered:
            // The mailbox took a message: its earlier soft bounces say nothing any more.
            if try await session.suppressions.clearSoftBounces(channel: channel, address: report.address, workspaceID: inbox.workspaceID) > 0 {
                changed = true
            }
            if try await session.suppressions.reasons(channel: channel, address: report.address, workspaceID: inbox.workspaceID).contains(.softBounce) {
                try await session.suppressions.lift(channel: channel, address: report.address, reasons: [.softBounce], workspaceID: inbox.workspaceID)
                changed = true
            }
            return changed
        case .softBounce:
            let count = try await session.suppressions.recordSoftBounce(
                channel: channel, address: report.address, messageID: report.messageID, providerID: report.providerID,
                workspaceID: inbox.workspaceID, at: now, since: now.addingTimeInterval(-Self.softBounceWindow))
            if count >= Self.softBounceLimit {
                try await session.suppressions.suppress(Suppression(
                    workspaceID: inbox.workspaceID, channel: channel, address: report.address, reason: .softBounce, source: provider,
                    createdAt: now))
            }
            return true
        case .hardBounce:
            try await session.suppressions.suppress(Suppression(
                workspaceID: inbox.workspaceID, channel: channel, address: report.address, reason: .hardBounce, source: provider,
                createdAt: now))
            return true
        case .complaint:
            try await session.suppressions.suppress(Suppression(
                workspaceID: inbox.workspaceID, channel: channel, address: report.address, reason: .complaint, source: provider,
                createdAt: now))
        case .unsubscribe:
            break
        }
        // A complaint or an unsubscribe: marketing e-mail withdrawn for whoever holds the address.
        guard let identity = ContactIdentity.inputs(channel: inbox.channel, address: report.address).first,
            case .success(let normalized) = customers.normalizer.normalize(identity, field: "address"),
            let owner = try await session.customers.owners(of: [normalized.key], workspaceID: inbox.workspaceID)[normalized.key],
            !owner.isDeleted
        else { return true }
        _ = try await consents.change(
            ConsentInput(
                purpose: ConsentPurpose.marketing.rawValue, channel: channel.rawValue, status: "withdrawn", occurredAt: report.occurredAt,
                text: report.kind == .complaint ? "Reported a message as spam (\(provider))" : "Unsubscribed through \(provider)'s link"),
            source: .provider, customerID: owner.customerID, witness: .none, actor: "inbox:\(inbox.id)", workspaceID: inbox.workspaceID,
            in: transaction)
        return true
    }

    /// The campaign send whose e-mail had this Message-ID, when its campaign is this inbox's.
    private static func campaignSend(messageID: String, inbox: Inbox, in session: any StoreSession) async throws -> CampaignSend? {
        guard let send = try await session.campaigns.send(providerMessageID: messageID, workspaceID: inbox.workspaceID),
            try await session.campaigns.find(id: send.campaignID, workspaceID: inbox.workspaceID)?.inboxID == inbox.id
        else { return nil }
        return send
    }
}
