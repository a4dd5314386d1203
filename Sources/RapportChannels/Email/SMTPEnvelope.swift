/// One message with its envelope: the return path (`MAIL FROM`) and the recipients (`RCPT TO`).
public struct SMTPEnvelope: Sendable, Equatable {
    public var sender: String
    public var recipients: [String]
    public var message: String

    public init(sender: String, recipients: [String], message: String) {
        self.sender = sender
        self.recipients = recipients
        self.message = message
    }
}
