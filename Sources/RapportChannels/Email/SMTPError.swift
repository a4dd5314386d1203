/// A refusal by the mail server (with its reply code and text) or a broken conversation.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    case rejected(command: String, code: Int, text: String)
    case connectionClosed
    case tlsUnavailable
    case timedOut
    /// An address that would not stay one argument of one command.
    case unsafeAddress(String)
    /// The server's address is one Rapport does not connect to.
    case refusedTarget(String)

    /// 4xx replies are temporary: trying later may work.
    public var isTemporary: Bool {
        switch self {
        case .rejected(_, let code, _): code < 500
        case .connectionClosed, .timedOut: true
        case .tlsUnavailable, .unsafeAddress, .refusedTarget: false
        }
    }

    /// The server answered, with a code other than the one wanted: the conversation goes on.
    var isRejection: Bool {
        if case .rejected = self { true } else { false }
    }

    public var description: String {
        switch self {
        case .rejected(let command, let code, let text): "The mail server answered \(command) with \(code) \(text)"
        case .connectionClosed: "The mail server closed the connection"
        case .tlsUnavailable: "The mail server does not offer STARTTLS"
        case .timedOut: "The mail server did not finish the exchange in time"
        case .refusedTarget(let reason): "The mail server \(reason)"
        case .unsafeAddress(let address): "The address \(address.debugDescription) is not one to send to"
        }
    }
}
