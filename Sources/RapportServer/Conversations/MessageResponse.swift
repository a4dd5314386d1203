import RapportCore

/// A message as the API shows it (see `MessageDocument`).
struct MessageResponse: JSONWritable {
    var message: Message

    init(_ message: Message) {
        self.message = message
    }

    func write(to writer: inout JSONWriter) {
        MessageDocument.write(message, to: &writer)
    }
}
