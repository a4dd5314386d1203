import Foundation
import RapportLearning

/// Conversations with customers on every channel: inbound messages and delivery reports from
/// the channel adapters, agents' replies and actions, and the outgoing side the `message.send`
/// jobs carry out. Every change appends its events and lands on the customer's timeline in
/// the same transaction; connected agents hear of it after the commit.
public struct ConversationService: Sendable {
    public let customers: CustomerService
    var context: CoreContext { customers.context }
    var store: any DataStore { customers.store }
    var clock: any WallClock { customers.clock }
    /// Where committed changes are announced (the context's).
    public var live: any LiveUpdates { context.live }

    public init(customers: CustomerService) {
        self.customers = customers
    }

    // MARK: Inbound

    /// Stores a verified provider payload: each new message joins (or opens) its
    /// conversation; a message seen before is counted, not stored again; delivery reports
    /// move outgoing messages forward.
    public func receive(_ payload: ChannelPayload, inbox: Inbox) async throws -> InboundOutcome {
        var outcome = InboundOutcome()
        for inbound in payload.messages {
            if inbox.channel == .sms, let keyword = OptOutKeyword(message: inbound.text),
                try await receiveKeyword(keyword, inbound, inbox: inbox)
            {
                outcome.automaticReplies.append(keyword.reply)
                continue
            }
            switch try await receiveSurveyAnswer(inbound, inbox: inbox) {
            case .notAnAnswer:
                break
            case .answered(let message, let language):
                outcome.stored.append(message)
                outcome.surveyAnswers += 1
                if inbox.channel == .sms { outcome.automaticReplies.append(SurveyRules.thanks(in: language)) }
                continue
            case .repeated:
                outcome.duplicates += 1
                continue
            }
            if let message = try await receiveOne(inbound, inbox: inbox) {
                outcome.stored.append(message)
            } else {
                outcome.duplicates += 1
            }
        }
        for update in payload.deliveries where try await apply(update, inbox: inbox) {
            outcome.deliveriesApplied += 1
        }
        for preference in payload.preferences {
            try await receivePreference(preference, inbox: inbox)
            outcome.preferencesApplied += 1
        }
        return outcome
    }

    /// Stores one inbound message in its conversation (opened for it when there is none). What
    /// follows from it (the bot's turn or the SLA clock, the timeline, live updates) is up to
    /// the subscribers of the changes it records.
    private func receiveOne(_ inbound: InboundMessage, inbox: Inbox) async throws -> Message? {
        let contact = contactCustomer(inbound, channel: inbox.channel)
        return try await context.writeRetryingConflicts { transaction in
            let session = transaction.session
            if try await session.conversations.message(providerMessageID: inbound.providerMessageID, inboxID: inbox.id) != nil {
                return nil
            }
            let now = clock.now()
            var conversation: Conversation
            var previous: Conversation?
            if let existing = try await existingConversation(for: inbound, inbox: inbox, session: session) {
                conversation = existing
                previous = existing
                if conversation.status == .resolved || conversation.status == .snoozed {
                    // A resolved conversation starts again with the bot, a snoozed one wakes its agent.
                    let botAnswers = try await BotHandoff.answers(inbox, session: session)
                    conversation.status = conversation.status == .resolved && botAnswers ? .pending : .open
                    conversation.snoozedUntil = nil
                    conversation.resolvedAt = nil
                } else if conversation.status == .pending, !(try await BotHandoff.answers(inbox, session: session)) {
                    // The bot was switched off while this conversation was with it: people take it,
                    // routed before the message is announced, so the agents it goes to see it.
                    try await PeopleIntake.take(&conversation, inbox: inbox, session: session, at: now)
                }
            } else {
                let customerID = try await resolveCustomer(contact, transaction: transaction, workspaceID: inbox.workspaceID, inbox: inbox)
                conversation = Conversation(
                    id: ResourceID.make(.conversation, at: now), workspaceID: inbox.workspaceID, inboxID: inbox.id,
                    customerID: customerID, channel: inbox.channel, contact: inbound.from, subject: inbound.subject,
                    status: .pending, lastMessageAt: now, createdAt: now, updatedAt: now)
                if !(try await BotHandoff.answers(inbox, session: session)) {
                    // With the bot, routing and the SLA clocks wait for the hand-off.
                    try await PeopleIntake.take(&conversation, inbox: inbox, session: session, at: now)
                }
            }
            let message = Self.incoming(inbound, in: &conversation, at: now)
            if conversation.status != .pending {
                try await SLAClock.of(inbox, session: session).customerWrote(&conversation, at: now)
            }
            conversation.updatedAt = now
            if previous == nil {
                try await session.conversations.insert(conversation)
            } else {
                try await session.conversations.update(conversation)
            }
            try await session.conversations.insert(message)
            // A reply to a campaign message counts on its send, in the same transaction.
            if let send = try await CampaignReplyRule.answeredSend(inbound, customerID: conversation.customerID, inbox: inbox, session: session, now: now) {
                try await session.campaigns.recordReply(sendID: send.id, at: now)
            }
            try await transaction.record([
                ConversationChange(previous == nil ? .created : .updated, conversation, previous: previous),
                MessageChange(.created, message, in: conversation),
            ])
            return message
        }
    }

    /// `inbound` as the customer's message in `conversation`, which it brings up to date (its
    /// last message, and when the customer last wrote).
    static func incoming(_ inbound: InboundMessage, in conversation: inout Conversation, at now: Date) -> Message {
        conversation.lastMessageAt = now
        conversation.lastIncomingAt = max(inbound.occurredAt ?? now, conversation.lastIncomingAt ?? .distantPast)
        return Message(
            id: ResourceID.make(.message, at: now), workspaceID: conversation.workspaceID, conversationID: conversation.id,
            inboxID: conversation.inboxID, direction: .incoming, kind: inbound.kind, author: .customer, authorID: conversation.customerID,
            text: inbound.text, attachments: inbound.attachments, content: inbound.content,
            providerMessageID: inbound.providerMessageID, raw: inbound.raw,
            sentiment: inbound.text.map { SentimentAnalyzer().analyze($0).score }, createdAt: now, updatedAt: now)
    }

    /// The conversation an inbound message belongs to: for email, the one holding a message
    /// it answers (even if resolved); otherwise the contact's unresolved one in this inbox.
    private func existingConversation(for inbound: InboundMessage, inbox: Inbox, session: any StoreSession) async throws -> Conversation? {
        if !inbound.references.isEmpty,
            let threaded = try await session.conversations.holding(providerMessageIDs: inbound.references, inboxID: inbox.id)
        {
            return threaded
        }
        return try await session.conversations.unresolved(inboxID: inbox.id, contact: inbound.from)
    }

    /// The customer behind a contact: the owner of the channel identity, or a new customer
    /// with it (and the sender's name). An identity that does not normalise still gets a
    /// customer, without it: a message is never dropped for its sender's address.
    func contactCustomer(_ inbound: InboundMessage, channel: InboxChannel) -> PreparedUpsert? {
        let identities = ContactIdentity.inputs(channel: channel, address: inbound.from)
        let provenance = ContactIdentity.provenance(channel: channel, address: inbound.from)
        let words = (inbound.fromName ?? "").split(separator: " ", maxSplits: 1).map(String.init)
        let named = CustomerInput(identities: identities, firstName: words.first, lastName: words.count > 1 ? words[1] : nil)
        return (try? customers.prepare(named, field: nil, provenance: provenance))
            ?? (try? customers.prepare(CustomerInput(identities: identities), field: nil, provenance: provenance))
            ?? (try? customers.prepare(CustomerInput(identities: [], firstName: named.firstName, lastName: named.lastName), field: nil, provenance: provenance))
            ?? (try? customers.prepare(CustomerInput(identities: []), field: nil, provenance: provenance))
    }

    func resolveCustomer(_ contact: PreparedUpsert?, transaction: WriteTransaction, workspaceID: String, inbox: Inbox) async throws -> String {
        let session = transaction.session
        guard let contact else { throw RapportError.invalid(field: "from", "names no customer Rapport can keep") }
        let keys = contact.identities.map(\.key)
        let owners = keys.isEmpty ? [:] : try await session.customers.owners(of: keys, workspaceID: workspaceID)
        if let owner = keys.lazy.compactMap({ owners[$0] }).first, !owner.isDeleted {
            // A proven link: the message is the customer's (an asserted sender, such as an
            // e-mail's From:, is as trustworthy as mail is; the bot asks it to verify).
            if owner.provenance == .proven { return owner.customerID }
            // A link only asserted: a proven sender goes through the upsert, which adopts
            // a profile built from assertions or takes the identity away from a customer
            // holding other proof; an asserted sender joins such a link only on a profile
            // built from assertions alone, never a customer who holds proof.
            if contact.provenance == .asserted {
                guard let customer = try await session.customers.find(id: owner.customerID, workspaceID: workspaceID) else {
                    throw StoreConflict()
                }
                if !customer.holdsProof { return owner.customerID }
                return try await newContactCustomer(contact, transaction: transaction, workspaceID: workspaceID, inbox: inbox)
            }
        }
        if contact.provenance == .asserted, owners.values.contains(where: \.isDeleted) {
            // A deleted customer's address: only proof takes it back; this sender gets a new profile.
            return try await newContactCustomer(contact, transaction: transaction, workspaceID: workspaceID, inbox: inbox)
        }
        var batch = UpsertBatch(service: customers, transaction: transaction, workspaceID: workspaceID, actor: "inbox:\(inbox.id)")
        guard let outcome = try await batch.run([contact]).first else {
            throw RapportError.conflict("The sender could not be matched to a customer; retry.")
        }
        return outcome.customer.id
    }

    /// A customer of its own for a sender whose address belongs elsewhere: the name, not the address.
    private func newContactCustomer(_ contact: PreparedUpsert, transaction: WriteTransaction, workspaceID: String, inbox: Inbox) async throws -> String {
        var bare = contact
        bare.identities = []
        var batch = UpsertBatch(service: customers, transaction: transaction, workspaceID: workspaceID, actor: "inbox:\(inbox.id)")
        guard let outcome = try await batch.run([bare]).first else {
            throw RapportError.conflict("The sender could not be matched to a customer; retry.")
        }
        return outcome.customer.id
    }

    /// Applies a delivery report to the outgoing message it names; false when it is unknown
    /// or older news than what the message already shows. A report on a campaign's SMS or
    /// WhatsApp message marks its send: delivered (or read) as delivered, failed as bounced.
    /// One on a message nothing is known by yet, on an SMS or WhatsApp inbox with a campaign
    /// batch being handed over, may be on a text of that batch: it is held until the batch's
    /// record names it (`CampaignEarlyReport`), and answers false (not applied yet).
    private func apply(_ report: DeliveryUpdate, inbox: Inbox) async throws -> Bool {
        try await context.write { transaction in
            let session = transaction.session
            guard var message = try await session.conversations.message(providerMessageID: report.providerMessageID, inboxID: inbox.id) else {
                let kind: DeliveryFeedback.Kind
                switch report.status {
                case .delivered, .read: kind = .delivered
                case .failed: kind = .hardBounce
                case .pending, .sent: return false
                }
                let campaigns = session.campaigns
                var send = try await campaigns.send(providerMessageID: report.providerMessageID, workspaceID: inbox.workspaceID)
                if send == nil, [.sms, .whatsapp].contains(inbox.channel), report.providerMessageID.count <= CampaignEarlyReport.longestMessageID {
                    // Looked for again under the lock a batch's record takes the held reports
                    // under: either the record came first and the send is found, or it comes
                    // after and finds the report held.
                    try await campaigns.lockEarlyReports(inboxID: inbox.id)
                    send = try await campaigns.send(providerMessageID: report.providerMessageID, workspaceID: inbox.workspaceID)
                    if send == nil, try await campaigns.hasBatchInFlight(inboxID: inbox.id) {
                        try await campaigns.holdEarlyReport(
                            CampaignEarlyReport(
                                inboxID: inbox.id, providerMessageID: report.providerMessageID, kind: kind, occurredAt: report.occurredAt ?? transaction.now),
                            receivedAt: transaction.now)
                        return false
                    }
                }
                // Only a send of a campaign through this inbox: a report signed for one inbox
                // cannot mark another's.
                guard let send, try await campaigns.find(id: send.campaignID, workspaceID: inbox.workspaceID)?.inboxID == inbox.id else { return false }
                try await campaigns.recordFeedback(kind, sendID: send.id, at: report.occurredAt ?? clock.now())
                return true
            }
            guard message.deliveryStatus?.accepts(report.status) ?? true,
                let conversation = try await session.conversations.find(id: message.conversationID, workspaceID: nil)
            else { return false }
            message.deliveryStatus = report.status
            message.failureReason = report.status == .failed ? (report.failureReason ?? "The provider reported a failure.") : nil
            message.updatedAt = clock.now()
            try await session.conversations.update(message)
            try await transaction.record(MessageChange(.updated, message, in: conversation))
            return true
        }
    }
}
