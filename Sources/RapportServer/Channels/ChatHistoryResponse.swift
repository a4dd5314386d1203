import RapportCore

/// A visitor's thread, as their chat window shows it (each message as the live stream shows
/// it to them, `VisitorMessage`).
struct ChatHistoryResponse: Encodable {
    let data: [VisitorMessage]

    init(messages: [Message]) {
        data = messages.map(VisitorMessage.init)
    }
}
