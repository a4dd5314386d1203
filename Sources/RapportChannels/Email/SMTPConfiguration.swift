import RapportCore

/// Where and how an email inbox sends: the server, its security, and the account.
public struct SMTPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable {
        /// Plain connection upgraded with STARTTLS (port 587); refused if the server cannot.
        case startTLS = "starttls"
        /// TLS from the first byte (port 465).
        case tls
        /// No encryption: only for a relay on the same host.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// A CA certificate (PEM) to trust besides the system's, for a private mail server.
    public var trustedCAFile: String?

    public init(host: String, port: Int, security: Security, username: String?, password: String?, trustedCAFile: String?) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.trustedCAFile = trustedCAFile
    }

    /// The configuration an email inbox's settings describe.
    public init(settings: [String: String]) {
        func setting(_ name: InboxSetting) -> String? { settings[name.rawValue] }
        let security = Security(rawValue: setting(.smtpSecurity)?.lowercased() ?? "starttls") ?? .startTLS
        let defaultPort = switch security {
        case .startTLS: 587
        case .tls: 465
        case .none: 25
        }
        self.init(
            host: setting(.smtpHost) ?? "localhost", port: setting(.smtpPort).flatMap(Int.init) ?? defaultPort,
            security: security, username: setting(.smtpUsername), password: setting(.smtpPassword),
            trustedCAFile: setting(.smtpCAFile))
    }
}
