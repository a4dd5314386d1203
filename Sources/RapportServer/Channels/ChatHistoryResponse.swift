import RapportCore

/// A visitor's thread, as their chat window shows it (what `MessageDocument.customerJSON`
/// shows live).
struct ChatHistoryResponse: Encodable {
    let data: [DocumentJSON]

    init(messages: [Message]) {
        data = messages.map { DocumentJSON(MessageDocument.customerJSON($0)) }
    }
}
