/// Every committed change of a conversation or message reaches the screens that show it:
/// agents' inbox streams and, for what the customer may see, the web chat.
struct ConversationAnnouncements: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        var updates: [LiveUpdate] = []
        for change in changes {
            if let change = change as? ConversationChange {
                updates.append(LiveUpdate(change.kind == .created ? .conversationCreated : .conversationUpdated, change.conversation))
            } else if let change = change as? MessageChange {
                updates.append(LiveUpdate(change.eventType, change.message, in: change.conversation))
            }
        }
        if !updates.isEmpty { transaction.announceAfterCommit(updates) }
    }
}
