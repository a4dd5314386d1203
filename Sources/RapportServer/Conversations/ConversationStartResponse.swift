import RapportCore

/// The conversation an agent started (or logged) and its first message.
struct ConversationStartResponse: Encodable {
    let conversation: ConversationResponse
    let message: MessageResponse

    init(conversation: Conversation, message: Message) {
        self.conversation = ConversationResponse(conversation)
        self.message = MessageResponse(message)
    }
}
