import Foundation

/// Phone calls on a voice inbox: each call is a `call` message in the caller's conversation,
/// its details (menu path, duration, recording) kept as the message's content and logged on
/// the customer's timeline when the call ends.
extension ConversationService {
    /// A call came in; returns the call's message (the same one when the provider repeats itself).
    public func callStarted(callSID: String, from caller: String, inbox: Inbox) async throws -> Message {
        let inbound = InboundMessage(
            providerMessageID: callSID, from: caller, kind: .call, text: "Incoming call", content: CallDetails().content)
        _ = try await receive(ChannelPayload(messages: [inbound]), inbox: inbox)
        guard let message = try await store.read({ session in
            try await session.conversations.message(providerMessageID: callSID, inboxID: inbox.id)
        }) else { throw RapportError.notFound("Call \(callSID.prefix(64)) is unknown.") }
        return message
    }

    /// Changes the call's details; when it reached a final status, logs it on the timeline.
    @discardableResult
    public func updateCall(callSID: String, inbox: Inbox, _ change: @Sendable (inout CallDetails) -> Void) async throws -> CallDetails {
        try await context.write { transaction in
            let session = transaction.session
            guard var message = try await session.conversations.message(providerMessageID: callSID, inboxID: inbox.id),
                let conversation = try await session.conversations.find(id: message.conversationID, workspaceID: nil)
            else { throw RapportError.notFound("Call \(callSID.prefix(64)) is unknown to this inbox.") }
            var details = CallDetails(content: message.content)
            let wasOver = details.status.isFinal
            change(&details)
            message.content = details.content
            message.text = details.summary
            message.updatedAt = clock.now()
            try await session.conversations.update(message)
            if !wasOver && details.status.isFinal {
                try await session.interactions.insert([Interaction(
                    id: ResourceID.make(.interaction, at: message.updatedAt), workspaceID: message.workspaceID,
                    customerID: conversation.customerID, channel: .phone, direction: .inbound, kind: .call, summary: details.summary,
                    occurredAt: message.createdAt,
                    payload: .object([
                        "conversation_id": .string(conversation.id), "message_id": .string(message.id), "call_sid": .string(callSID),
                        "duration_seconds": details.durationSeconds.map { .number(Double($0)) } ?? .null,
                        "menu_path": .array(details.menuPath.map(JSONValue.string)),
                        "recording_url": details.recordingURL.map(JSONValue.string) ?? .null,
                    ]),
                    createdAt: message.updatedAt)])
            }
            try await transaction.record(MessageChange(.updated, message, in: conversation))
            return details
        }
    }

    /// What the voice menu says to "press 1 for order status". A caller id can be forged, so a
    /// call never reads out an order on it alone: the caller is told how to get the status
    /// safely, and leaves a message for a person, who can verify them.
    public static let orderStatusSpeech =
        "For your security we do not read out order details on a call. Text us from the number on your order for its status, "
        + "or leave your order number and question after the tone, and our team will get back to you."
}
