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
        let result: (Message, Conversation, CallDetails) = try await store.write { session in
            guard var message = try await session.conversations.message(providerMessageID: callSID, inboxID: inbox.id),
                let conversation = try await session.conversations.find(id: message.conversationID, workspaceID: nil)
            else { throw RapportError.notFound("Call \(callSID.prefix(64)) is unknown to this inbox.") }
            var details = CallDetails(content: message.content)
            let wasOver = Self.finalCallStatuses.contains(details.status)
            change(&details)
            message.content = details.content
            message.text = details.summary
            message.updatedAt = clock.now()
            try await session.conversations.update(message)
            if !wasOver && Self.finalCallStatuses.contains(details.status) {
                try await session.interactions.insert([Interaction(
                    id: ResourceID.make(.interaction, at: message.updatedAt), workspaceID: message.workspaceID,
                    customerID: conversation.customerID, channel: .phone, direction: .inbound, kind: "call", summary: details.summary,
                    occurredAt: message.createdAt,
                    payload: .object([
                        "conversation_id": .string(conversation.id), "message_id": .string(message.id), "call_sid": .string(callSID),
                        "duration_seconds": details.durationSeconds.map { .number(Double($0)) } ?? .null,
                        "menu_path": .array(details.menuPath.map(JSONValue.string)),
                        "recording_url": details.recordingURL.map(JSONValue.string) ?? .null,
                    ]),
                    createdAt: message.updatedAt)])
            }
            try await session.events.append([customers.event(
                .messageUpdated, subject: message.id, workspaceID: message.workspaceID, json: MessageDocument.json(message))])
            return (message, conversation, details)
        }
        await live.publish([update(result.0, conversation: result.1, type: "message.updated")])
        return result.2
    }

    static let finalCallStatuses: Set<String> = ["completed", "busy", "failed", "no-answer", "canceled"]

    /// What the voice menu says to "press 1 for order status": the caller's latest order, found
    /// by the phone number they call from.
    public func orderStatusSpeech(caller: String, inbox: Inbox) async throws -> String {
        let key = customers.normalizer.normalize(IdentityInput(kind: "phone", value: caller), field: "from")
        guard case .success(let identity) = key else { return "We could not recognise the number you are calling from." }
        return try await store.read { session in
            let owners = try await session.customers.owners(of: [identity.key], workspaceID: inbox.workspaceID)
            guard let owner = owners[identity.key],
                let order = try await session.orders.list(
                    filter: OrderFilter(customerID: owner.customerID), workspaceID: inbox.workspaceID, page: try PageRequest(limit: 1)
                ).items.first
            else { return "We could not find an order for the number you are calling from." }
            var sentence = "Your order \(order.number) is \(order.status.rawValue.replacingOccurrences(of: "_", with: " "))."
            if let shipment = order.fulfillments.last, let carrier = shipment.carrier {
                sentence += " It was sent with \(carrier)"
                sentence += shipment.trackingNumber.map { ", tracking number \($0.map(String.init).joined(separator: " "))." } ?? "."
            }
            return sentence
        }
    }
}
