/// Every message a customer and the shop exchange lands on the customer's timeline, in the
/// transaction that stored it. Private notes stay off it; a call is logged when it ends,
/// with its duration, menu path and recording.
struct MessageTouchpoints: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        var touchpoints: [Interaction] = []
        for case let change as MessageChange in changes where change.kind == .created {
            let (message, conversation) = (change.message, change.conversation)
            guard !message.isPrivate, message.kind != .call else { continue }
            let summary = message.text.map { String($0.prefix(280)) } ?? message.kind.rawValue
            touchpoints.append(Interaction(
                id: ResourceID.make(.interaction, at: message.createdAt), workspaceID: message.workspaceID,
                customerID: conversation.customerID, channel: conversation.channel.timelineChannel,
                direction: message.direction == .incoming ? .inbound : .outbound,
                kind: .message, summary: summary, occurredAt: message.createdAt,
                payload: .object([
                    "conversation_id": .string(conversation.id), "message_id": .string(message.id),
                    "inbox_id": .string(conversation.inboxID), "kind": .string(message.kind.rawValue),
                ]),
                createdAt: message.createdAt))
        }
        guard !touchpoints.isEmpty else { return }
        try await transaction.session.interactions.insert(touchpoints)
    }
}
