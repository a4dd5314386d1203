import RapportCore

/// A visitor's thread, as their chat window shows it (each message as the live stream shows
/// it to them, `ChatMessageEventPayload`).
struct ChatHistoryResponse: Encodable {
    let data: [ChatMessageEventPayload]

    init(messages: [Message]) {
        data = messages.map(ChatMessageEventPayload.init)
    }
}
