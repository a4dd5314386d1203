import Foundation

/// The background side of conversations: what `message.send` jobs deliver and how they
/// report back, SLA checks at their due time, and snoozes that run out.
extension ConversationService {
    /// The message a `message.send` job delivers, or nil when there is nothing left to send
    /// (the message is gone, or an earlier attempt already got it to the provider), or when the
    /// consent gate holds it now (a `STOP`, a withdrawal or a bounce arrived after it was
    /// queued): it is then marked failed with the reason, and nothing leaves.
    public func outbound(for job: Job) async throws -> OutboundMessage? {
        let input = try job.decode(MessageSendPayload.self)
        let found: (OutboundMessage?, held: String?) = try await store.read { session in
            guard let message = try await session.conversations.message(id: input.messageID), message.providerMessageID == nil,
                let conversation = try await session.conversations.find(id: message.conversationID, workspaceID: nil),
                let inbox = try await session.inboxes.inbox(id: message.inboxID)
            else { return (nil, nil) }
            switch try await gate(message.purpose, conversation: conversation, inbox: inbox, session: session, now: clock.now()) {
            case .send: break
            case .noConsent(let reason), .suppressed(let reason): return (nil, "Not sent: \(reason).")
            }
            let references = try await session.conversations.providerMessageIDs(conversationID: conversation.id)
            let customer = try await session.customers.find(id: conversation.customerID, workspaceID: conversation.workspaceID)
            let name = [customer?.profile.firstName, customer?.profile.lastName].compactMap { $0 }.joined(separator: " ")
            return (OutboundMessage(
                message: message, inbox: inbox, conversation: conversation, threadReferences: references,
                customerName: name.isEmpty ? nil : name), nil)
        }
        if let held = found.held {
            try await changeDelivery(messageID: input.messageID) { message in
                message.deliveryStatus = .failed
                message.failureReason = held
            }
        }
        return found.0
    }

    /// The provider accepted the message under `providerMessageID`.
    public func sent(messageID: String, providerMessageID: String) async throws {
        try await changeDelivery(messageID: messageID) { message in
            message.providerMessageID = providerMessageID
            if message.deliveryStatus == nil || message.deliveryStatus == .pending || message.deliveryStatus == .failed {
                message.deliveryStatus = .sent
            }
            message.failureReason = nil
        }
    }

    /// The provider refused the message (or could not be reached): it shows `failed` with the
    /// reason, whether or not the job will try again.
    public func sendFailed(messageID: String, reason: String) async throws {
        try await changeDelivery(messageID: messageID) { message in
            message.deliveryStatus = .failed
            message.failureReason = String(reason.prefix(1000))
        }
    }

    private func changeDelivery(messageID: String, _ change: @Sendable @escaping (inout Message) -> Void) async throws {
        try await context.write { transaction in
            guard var message = try await transaction.session.conversations.message(id: messageID),
                let conversation = try await transaction.session.conversations.find(id: message.conversationID, workspaceID: nil)
            else { return }
            change(&message)
            message.updatedAt = clock.now()
            try await transaction.session.conversations.update(message)
            try await transaction.record(MessageChange(.updated, message, in: conversation))
        }
    }

    /// Runs an `sla.check` job: if the target it was scheduled for is still unmet, the
    /// conversation records the breach and `conversation.sla_breached` is emitted.
    public func checkSLA(_ job: Job) async throws {
        let check = try job.decode(SLACheckPayload.self)
        try await context.write { transaction in
            guard var conversation = try await transaction.session.conversations.find(id: check.conversationID, workspaceID: nil),
                SLAClock.isBreached(conversation, check: check)
            else { return }
            conversation.slaBreaches.append(check.target.rawValue)
            conversation.updatedAt = clock.now()
            try await transaction.session.conversations.update(conversation)
            try await transaction.record(ConversationChange(.slaBreached(check.target), conversation))
        }
    }

    /// Reopens snoozed conversations whose time has come; returns how many.
    public func wakeSnoozed() async throws -> Int {
        let due = try await store.read { session in try await session.conversations.dueSnoozes(before: clock.now(), limit: 200) }
        var woken = 0
        for conversation in due {
            do {
                _ = try await act(.reopen, conversationID: conversation.id, as: .operator(workspaceID: conversation.workspaceID))
                woken += 1
            } catch RapportError.conflict {
                // Reopened by someone else meanwhile.
            }
        }
        return woken
    }
}
