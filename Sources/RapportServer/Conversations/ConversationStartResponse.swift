import RapportCore

/// The conversation an agent started (or logged) and its first message.
struct ConversationStartResponse: JSONWritable {
    var conversation: Conversation
    var message: Message

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("conversation"); ConversationDocument.write(conversation, to: &writer)
        writer.key("message"); MessageDocument.write(message, to: &writer)
        writer.endObject()
    }
}
