import RapportCore

/// A conversation as the API shows it (see `ConversationDocument`).
struct ConversationResponse: JSONWritable {
    var conversation: Conversation

    init(_ conversation: Conversation) {
        self.conversation = conversation
    }

    func write(to writer: inout JSONWriter) {
        ConversationDocument.write(conversation, to: &writer)
    }
}
