extension Interaction {
    /// A message of a conversation recorded on the timeline carries its text in `summary`.
    public var isConversationMessage: Bool {
        if case .object(let fields)? = payload, fields["conversation_id"] != nil { return true }
        return false
    }

    /// The inbox a conversation message was exchanged in.
    public var conversationInboxID: String? {
        if case .object(let fields)? = payload, case .string(let id)? = fields["inbox_id"] { return id }
        return nil
    }

    /// The same touchpoint without what was said, for whoever may not read conversations.
    public func withoutConversationContent() -> Interaction {
        guard isConversationMessage else { return self }
        var hidden = self
        hidden.summary = nil
        return hidden
    }
}
