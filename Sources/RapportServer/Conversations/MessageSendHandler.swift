import RapportCore

/// Runs `message.send` jobs: hands the message to its channel's sender and records the
/// provider's id, or the failure (the job queue retries it where a retry makes sense).
struct MessageSendHandler: JobHandler {
    let conversations: ConversationService
    let senders: [InboxChannel: any ChannelSender]
    let kind = MessageSendPayload.jobKind

    init(conversations: ConversationService, senders: [any ChannelSender]) {
        self.conversations = conversations
        self.senders = Dictionary(senders.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func run(_ job: Job) async throws {
        guard let outbound = try await conversations.outbound(for: job) else { return }
        guard let sender = senders[outbound.inbox.channel] else {
            let reason = "Rapport cannot send on \(outbound.inbox.channel.rawValue) inboxes."
            try await conversations.sendFailed(messageID: outbound.message.id, reason: reason)
            throw JobFailure.permanent(reason)
        }
        do {
            let providerID = try await sender.send(outbound)
            try await conversations.sent(messageID: outbound.message.id, providerMessageID: providerID)
        } catch let failure as JobFailure {
            try await conversations.sendFailed(messageID: outbound.message.id, reason: failure.reason)
            throw failure
        }
    }
}
