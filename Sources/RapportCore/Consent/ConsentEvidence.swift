import Foundation

/// What shows a consent change is real: where it came from, who recorded it, the address and
/// browser of the person who acted (when Rapport saw them), the exact wording they agreed to
/// (by the hash of a stored text), and when they acted; for a double opt-in, the sign-up too.
public struct ConsentEvidence: Sendable, Equatable {
    public var source: ConsentSource
    /// Who recorded it: an API key, a user, or Rapport itself (`system`).
    public var actor: String
    public var ipAddress: String?
    public var userAgent: String?
    /// The SHA-256 of the consent text, stored once per workspace (`ConsentService.text`).
    public var textHash: String?
    public var occurredAt: Date
    /// For a double opt-in, the sign-up this change confirmed (the rest is the confirmation).
    public var signUp: SignUpEvidence?

    public init(
        source: ConsentSource, actor: String, ipAddress: String? = nil, userAgent: String? = nil, textHash: String? = nil,
        occurredAt: Date, signUp: SignUpEvidence? = nil
    ) {
        self.source = source
        self.actor = actor
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.textHash = textHash
        self.occurredAt = occurredAt
        self.signUp = signUp
    }
}
