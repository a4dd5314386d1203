/// Where a sign-up stands.
public enum SignUpStatus: String, Sendable, Codable {
    /// Waiting for the person to follow the link.
    case pending
    /// Confirmed: the consent it asked for is granted.
    case confirmed
    /// Not mailed: the address bounced or complained before, or asked too often (the caller
    /// is told nothing different, so a form cannot probe addresses).
    case held
}
