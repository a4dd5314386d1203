/// A customer's answer for one purpose and channel. No record at all is "unknown": nothing is
/// sent that needs consent.
public enum ConsentStatus: String, Sendable, Codable, CaseIterable {
    /// They agreed (until `expiresAt`, when it has one).
    case granted
    /// They were asked and said no.
    case denied
    /// They had agreed and took it back.
    case withdrawn
}
